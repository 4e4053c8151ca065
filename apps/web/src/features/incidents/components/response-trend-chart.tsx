import type { Severity } from '@opsdeck/contract'
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import {
  axisProps,
  chartMargin,
  chartSize,
  tickStyle,
  tooltipProps,
} from '../../../components/charts/chart-style.ts'
import { formatDuration } from '../../../lib/format.ts'
import { durationTicks, type TrendPoint } from '../analytics-transform.ts'
import { ALL_COLOR, SEVERITY_COLOR, SEVERITY_DASH } from './analytics-keys.tsx'

/**
 * A response time's monthly mean, overall and per severity; lazy-loaded. Months without a figure
 * are gaps; dots stay on because a month between two gaps would otherwise not show at all.
 */
export default function ResponseTrendChart(props: {
  data: readonly TrendPoint[]
  severities: readonly Severity[]
}) {
  const { data, severities } = props
  const ticks = durationTicks(data)
  return (
    <LineChart
      data={[...data]}
      responsive
      style={chartSize}
      margin={chartMargin}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="var(--grid)" vertical={false} />
      <XAxis dataKey="label" tick={tickStyle} {...axisProps} />
      <YAxis
        domain={[0, ticks[ticks.length - 1] ?? 0]}
        ticks={ticks}
        tickFormatter={(v: number) => (v === 0 ? '0' : formatDuration(v))}
        tick={tickStyle}
        width={56}
        {...axisProps}
      />
      <Tooltip
        formatter={(v, name) => [typeof v === 'number' ? formatDuration(v) : 'no data', name]}
        {...tooltipProps}
      />
      <Line
        dataKey="all"
        name="All severities"
        stroke={ALL_COLOR}
        strokeWidth={2.5}
        dot={{ r: 3 }}
        connectNulls={false}
        isAnimationActive={false}
      />
      {severities.map((s) => (
        <Line
          key={s}
          dataKey={s}
          name={s}
          stroke={SEVERITY_COLOR[s]}
          strokeWidth={1.5}
          strokeDasharray={SEVERITY_DASH[s]}
          dot={{ r: 2.5 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  )
}
