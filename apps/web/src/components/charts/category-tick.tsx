interface TickProps {
  x?: number | string
  y?: number | string
  index?: number
  payload?: { value?: unknown }
}

/**
 * A category axis label that also writes "no data" into the plot beside a row whose value is
 * missing, so an empty row is not read as zero.
 */
export function categoryTick(isMissing: (index: number) => boolean) {
  return function CategoryTick({ x, y, index = 0, payload }: TickProps) {
    const left = Number(x)
    const top = Number(y)
    return (
      <g>
        <text x={left - 4} y={top} dy="0.35em" textAnchor="end" fontSize={12} fill="var(--text)">
          {typeof payload?.value === 'string' ? payload.value : ''}
        </text>
        {isMissing(index) ? (
          <text x={left + 8} y={top} dy="0.35em" fontSize={11} fill="var(--muted)">
            no data
          </text>
        ) : null}
      </g>
    )
  }
}
