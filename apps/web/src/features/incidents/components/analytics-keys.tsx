import { SEVERITIES, type Severity } from '@opsdeck/contract'

// Each series' stroke and fill: severities keep their colours across the app, and a dash pattern
// each, so a line is told apart without colour too.
export const SEVERITY_COLOR: Record<Severity, string> = {
  SEV1: 'var(--sev1)',
  SEV2: 'var(--sev2)',
  SEV3: 'var(--sev3)',
  SEV4: 'var(--sev4)',
}
export const SEVERITY_DASH: Record<Severity, string | undefined> = {
  SEV1: undefined,
  SEV2: '6 3',
  SEV3: '2 2',
  SEV4: '8 3 2 3',
}
export const ALL_COLOR = 'var(--text)'

/** The key under a trend chart: the overall line, then each severity's line as drawn. */
export function LineKey({ severities }: { severities: readonly Severity[] }) {
  return (
    <span className="legend">
      <span>
        <LineSwatch color={ALL_COLOR} width={3} />
        all severities
      </span>
      {severities.map((s) => (
        <span key={s}>
          <LineSwatch color={SEVERITY_COLOR[s]} dash={SEVERITY_DASH[s]} />
          {s}
        </span>
      ))}
    </span>
  )
}

/** The key under the counts chart: a block per severity shown. */
export function BarKey({ severities }: { severities: readonly Severity[] }) {
  return (
    <span className="legend">
      {SEVERITIES.filter((s) => severities.includes(s)).map((s) => (
        <span key={s}>
          <span className="key" style={{ background: SEVERITY_COLOR[s] }} aria-hidden="true" />
          {s}
        </span>
      ))}
    </span>
  )
}

function LineSwatch({ color, dash, width = 2 }: { color: string; dash?: string; width?: number }) {
  return (
    <svg className="line-key" width="22" height="8" aria-hidden="true">
      <line
        x1="1"
        y1="4"
        x2="21"
        y2="4"
        stroke={color}
        strokeWidth={width}
        strokeDasharray={dash}
      />
    </svg>
  )
}
