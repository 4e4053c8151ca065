import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import {
  axisProps,
  chartMargin,
  chartSize,
  gridProps,
  tickStyle,
  tooltipProps,
} from '../../../components/charts/chart-style.ts'
import { formatMoney } from '../../../lib/format.ts'
import type { SplitRow } from '../detail-transform.ts'

/** Budget beside actual cost per category, one row each; lazy-loaded with Recharts. */
export default function CategoryChart(props: { data: readonly SplitRow[]; currency: string }) {
  const { data, currency } = props
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
        tickFormatter={(v: number) => formatMoney(v, currency)}
        tick={tickStyle}
        {...axisProps}
      />
      <YAxis type="category" dataKey="label" tick={tickStyle} width={84} {...axisProps} />
      <Tooltip
        formatter={(v, name) => [formatMoney(typeof v === 'number' ? v : null, currency), name]}
        {...tooltipProps}
      />
      <Bar
        dataKey="budget"
        name="Budget"
        fill="var(--accent-soft)"
        maxBarSize={14}
        isAnimationActive={false}
      />
      <Bar
        dataKey="actual"
        name="Actual to date"
        fill="var(--accent)"
        maxBarSize={14}
        isAnimationActive={false}
      />
    </BarChart>
  )
}
