import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import {
  axisProps,
  chartMargin,
  chartSize,
  tickStyle,
  tooltipProps,
} from '../../../components/charts/chart-style.ts'
import { formatMoney } from '../../../lib/format.ts'
import type { SpendTypeRow } from '../portfolio-transform.ts'

/** Capex and opex: budget beside actual cost to date; lazy-loaded with Recharts. */
export default function PortfolioCapexChart(props: {
  data: readonly SpendTypeRow[]
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
      <XAxis dataKey="label" tick={tickStyle} {...axisProps} />
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
      <Bar
        dataKey="budget"
        name="Budget"
        fill="var(--accent-soft)"
        maxBarSize={48}
        isAnimationActive={false}
      />
      <Bar
        dataKey="actual"
        name="Actual to date"
        fill="var(--accent)"
        maxBarSize={48}
        isAnimationActive={false}
      />
    </BarChart>
  )
}
