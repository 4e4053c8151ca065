import { CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import {
  axisProps,
  chartMargin,
  chartSize,
  tickStyle,
  tooltipProps,
} from '../../../components/charts/chart-style.ts'
import { formatInstant } from '../../../lib/format.ts'
import { type BurnDown, burnDownYDomain } from '../burn-down.ts'
import { timeTickFormat } from '../series-transform.ts'

/** Budget left over the SLO window, then dashed to where it runs out at this rate; lazy. */
export default function BurnDownChart({ burnDown }: { burnDown: BurnDown }) {
  const { data, domain, exhaustsAt } = burnDown
  return (
    <ComposedChart
      data={data}
      responsive
      style={chartSize}
      margin={chartMargin}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="var(--grid)" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={domain}
        tickFormatter={timeTickFormat(...domain)}
        tick={tickStyle}
        {...axisProps}
      />
      <YAxis
        domain={burnDownYDomain(data)}
        tickFormatter={(v: number) => `${v}%`}
        tick={tickStyle}
        width={48}
        {...axisProps}
      />
      <Tooltip
        labelFormatter={(t) => formatInstant(new Date(Number(t)).toISOString())}
        formatter={(v, name) => [
          typeof v === 'number' ? `${Math.round(v)}%` : 'n/a',
          name === 'projected' ? 'Projected' : 'Budget left',
        ]}
        {...tooltipProps}
      />
      <ReferenceLine y={0} stroke="var(--text)" />
      {exhaustsAt === null ? null : (
        <ReferenceLine x={exhaustsAt} stroke="var(--bad)" strokeDasharray="4 3" />
      )}
      <Line
        dataKey="remaining"
        name="remaining"
        stroke="var(--accent)"
        strokeWidth={1.5}
        dot={false}
        connectNulls={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="projected"
        name="projected"
        stroke="var(--bad)"
        strokeWidth={1.5}
        strokeDasharray="5 4"
        dot={false}
        connectNulls
        isAnimationActive={false}
      />
    </ComposedChart>
  )
}
