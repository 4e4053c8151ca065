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
import type { BudgetEacRow } from '../portfolio-transform.ts'

// An EAC over its budget in the warning colour; the summary and the table say it in words.
const eacFill = (r: BudgetEacRow) =>
  r.eac !== null && r.eac > r.bac ? 'var(--bad)' : 'var(--accent)'

/** Budget (BAC) beside the forecast (EAC) per project, horizontal; lazy-loaded with Recharts. */
export default function PortfolioBudgetChart(props: {
  data: readonly BudgetEacRow[]
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
      barGap={1}
    >
      <CartesianGrid {...gridProps} />
      <XAxis
        type="number"
        tickFormatter={(v: number) => formatMoney(v, currency)}
        tick={tickStyle}
        {...axisProps}
      />
      <YAxis type="category" dataKey="code" width={76} tick={tickStyle} {...axisProps} />
      <Tooltip
        formatter={(v, name) => [formatMoney(typeof v === 'number' ? v : null, currency), name]}
        labelFormatter={(code) => data.find((r) => r.code === code)?.name ?? (code as string)}
        {...tooltipProps}
      />
      <Bar
        dataKey="bac"
        name="Budget (BAC)"
        fill="var(--accent-soft)"
        barSize={8}
        isAnimationActive={false}
      />
      <Bar dataKey="eac" name="Forecast (EAC)" barSize={8} isAnimationActive={false}>
        {data.map((r) => (
          <Cell key={r.code} fill={eacFill(r)} />
        ))}
      </Bar>
    </BarChart>
  )
}
