import { Bar, CartesianGrid, Cell, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'
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
import { type tierChartData, uptimeDomain } from '../transform.ts'

type Data = ReturnType<typeof tierChartData>

const HEALTH_FILL = {
  meeting: 'var(--good)',
  partly: 'var(--warn)',
  breaching: 'var(--bad)',
  'no-data': 'var(--grey)',
} as const

const pct = (v: unknown) => (typeof v === 'number' ? formatPercent(v / 100, 3) : 'n/a')

/** Horizontal bars per tier, the SLO target a tick mark (a line with no stroke); lazy-loaded. */
export default function UptimeChart({ data }: { data: Data }) {
  const domain = uptimeDomain(data)
  return (
    <ComposedChart
      data={data}
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
        allowDataOverflow
        tickFormatter={(v: number) => `${v}%`}
        tick={tickStyle}
        {...axisProps}
      />
      <YAxis
        type="category"
        dataKey="label"
        width={52}
        tick={categoryTick((i) => data[i]?.uptime === null)}
        {...axisProps}
      />
      <Tooltip
        formatter={(v, name) => [pct(v), name === 'target' ? 'SLO target' : 'Uptime']}
        {...tooltipProps}
      />
      <Bar dataKey="uptime" name="uptime" barSize={14} isAnimationActive={false}>
        {data.map((d) => (
          <Cell key={d.label} fill={HEALTH_FILL[d.health]} />
        ))}
      </Bar>
      <Line
        dataKey="target"
        name="target"
        stroke="none"
        dot={targetMark}
        activeDot={false}
        isAnimationActive={false}
      />
    </ComposedChart>
  )
}

// A short vertical rule across the bar, read as "the line to stay right of".
function targetMark(props: { cx?: number | undefined; cy?: number | undefined; index?: number }) {
  const { cx, cy, index } = props
  if (typeof cx !== 'number' || typeof cy !== 'number') return <g key={index} />
  return (
    <rect key={index} x={cx - 1.5} y={cy - 11} width={3} height={22} fill="var(--text)" rx={1} />
  )
}
