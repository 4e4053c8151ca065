import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import {
  axisProps,
  chartMargin,
  chartSize,
  tickStyle,
  tooltipProps,
} from '../../../components/charts/chart-style.ts'
import { formatMoney } from '../../../lib/format.ts'
import type { MonthlyRow } from '../detail-transform.ts'

/** Actual spend beside planned spend per month; lazy-loaded with Recharts. */
export default function MonthlySpendChart(props: {
  data: readonly MonthlyRow[]
  currency: string
}) {
  const { data, currency } = props
  return (
    <BarChart
      data={[...data]}
      responsive
      style={chartSize}
      margin={chartMargin}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="var(--grid)" vertical={false} />
      <XAxis dataKey="label" tick={tickStyle} minTickGap={12} {...axisProps} />
      <YAxis
        tickFormatter={(v: number) => formatMoney(v, currency)}
        tick={tickStyle}
        width={56}
        {...axisProps}
      />
      <Tooltip
        formatter={(v, name) => [formatMoney(typeof v === 'number' ? v : null, currency), name]}
        {...tooltipProps}
      />
      <Bar dataKey="planned" name="Planned" fill="var(--accent-soft)" isAnimationActive={false} />
      <Bar dataKey="actual" name="Actual" fill="var(--accent)" isAnimationActive={false} />
    </BarChart>
  )
}
