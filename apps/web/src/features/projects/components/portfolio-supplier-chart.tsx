import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts'
import {
  axisProps,
  chartMargin,
  chartSize,
  gridProps,
  tickStyle,
  tooltipProps,
} from '../../../components/charts/chart-style.ts'
import { formatMoney } from '../../../lib/format.ts'
import type { SupplierRow } from '../portfolio-transform.ts'

/** Spend per supplier, largest first, "Other" last in grey; lazy-loaded with Recharts. */
export default function PortfolioSupplierChart(props: {
  data: readonly SupplierRow[]
  currency: string
}) {
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
      <YAxis
        type="category"
        dataKey="supplier"
        width={labelWidth(data)}
        tick={tickStyle}
        {...axisProps}
      />
      <Tooltip
        formatter={(v) => [formatMoney(typeof v === 'number' ? v : null, currency), 'Spend']}
        {...tooltipProps}
      />
      <Bar dataKey="total" barSize={12} isAnimationActive={false}>
        {data.map((r) => (
          <Cell key={r.supplier} fill={r.other ? 'var(--grey)' : 'var(--accent)'} />
        ))}
      </Bar>
    </BarChart>
  )
}

// Room for the longest name (about 6 px a character at 11 px), within reason.
const labelWidth = (rows: readonly SupplierRow[]) =>
  Math.min(170, Math.max(60, 10 + 6 * Math.max(0, ...rows.map((r) => r.supplier.length))))
