import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { categoryTick } from '../../../components/charts/category-tick.tsx'
import {
  axisProps,
  chartMargin,
  chartSize,
  gridProps,
  tickStyle,
  tooltipProps,
} from '../../../components/charts/chart-style.ts'
import { formatPercent } from '../../../lib/format.ts'
import { type CapacityRow, type UtilizationLevel, utilizationDomain } from '../transform.ts'

const LEVEL_FILL: Record<UtilizationLevel, string> = {
  over: 'var(--bad)',
  high: 'var(--warn)',
  ok: 'var(--accent)',
  low: 'var(--accent-soft)',
  'no-data': 'var(--grey)',
}

/** Horizontal bars of utilization per team against the 100% line; lazy-loaded with Recharts. */
export default function CapacityChart({ data }: { data: readonly CapacityRow[] }) {
  const domain = utilizationDomain(data)
  return (
    <BarChart
      data={[...data]}
      layout="vertical"
      responsive
      style={chartSize}
      margin={chartMargin}
      accessibilityLayer={false}
    >
      <CartesianGrid {...gridProps} />
      <XAxis
        type="number"
        domain={domain}
        ticks={ticksOf(domain)}
        tickFormatter={(v: number) => `${v}%`}
        tick={tickStyle}
        {...axisProps}
      />
      <YAxis
        type="category"
        dataKey="name"
        width={labelWidth(data)}
        tick={categoryTick((i) => data[i]?.utilizationPct === null)}
        {...axisProps}
      />
      <Tooltip
        formatter={(v) => [typeof v === 'number' ? formatPercent(v / 100) : 'n/a', 'Utilization']}
        {...tooltipProps}
      />
      <ReferenceLine x={100} stroke="var(--text)" strokeDasharray="4 3" ifOverflow="extendDomain" />
      <Bar dataKey="utilizationPct" barSize={14} isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.teamId} fill={LEVEL_FILL[d.level]} />
        ))}
      </Bar>
    </BarChart>
  )
}

// Every 20%, so the 100% line always falls on a tick.
const ticksOf = ([, max]: [number, number]) =>
  Array.from({ length: max / 20 + 1 }, (_, i) => i * 20)

// Room for the longest team name (about 7 px a character at 12 px), within reason.
const labelWidth = (rows: readonly CapacityRow[]) =>
  Math.min(190, Math.max(60, 12 + 7 * Math.max(...rows.map((r) => r.name.length))))
