import type { Severity } from '@opsdeck/contract'
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import {
  axisProps,
  chartMargin,
  chartSize,
  tickStyle,
  tooltipProps,
} from '../../../components/charts/chart-style.ts'
import { formatNumber } from '../../../lib/format.ts'
import type { CountPoint } from '../analytics-transform.ts'
import { SEVERITY_COLOR } from './analytics-keys.tsx'

/** Incidents started per month, stacked by severity; lazy-loaded with Recharts. */
export default function MonthlyCountsChart(props: {
  data: readonly CountPoint[]
  severities: readonly Severity[]
}) {
  const { data, severities } = props
  return (
    <BarChart
      data={[...data]}
      responsive
      style={chartSize}
      margin={chartMargin}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="var(--grid)" vertical={false} />
      <XAxis dataKey="label" tick={tickStyle} {...axisProps} />
      <YAxis
        allowDecimals={false}
        tickFormatter={(v: number) => formatNumber(v)}
        tick={tickStyle}
        width={36}
        {...axisProps}
      />
      <Tooltip formatter={(v, name) => [formatNumber(Number(v)), name]} {...tooltipProps} />
      {severities.map((s) => (
        <Bar
          key={s}
          dataKey={s}
          name={s}
          stackId="incidents"
          fill={SEVERITY_COLOR[s]}
          maxBarSize={36}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  )
}
