import { CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'
import {
  axisProps,
  chartMargin,
  chartSize,
  tickStyle,
  tooltipProps,
} from '../../../components/charts/chart-style.ts'
import { formatMoney } from '../../../lib/format.ts'
import { type SCurveRow, showsOriginal } from '../detail-transform.ts'
import { S_CURVE_SERIES } from './s-curve-series.ts'

/** Cumulative PV, EV, AC by month and the EAC forecast to the end; lazy-loaded with Recharts. */
export default function SCurveChart(props: { data: readonly SCurveRow[]; currency: string }) {
  const { data, currency } = props
  const original = showsOriginal(data)
  return (
    <ComposedChart
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
        cursor={{ stroke: 'var(--border)' }}
      />
      {S_CURVE_SERIES.filter((s) => original || s.key !== 'pvOriginal').map((s) => (
        <Line
          key={s.key}
          dataKey={s.key}
          name={s.name}
          stroke={s.stroke}
          strokeWidth={s.key === 'pvOriginal' ? 1.5 : 2}
          strokeDasharray={s.dash}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </ComposedChart>
  )
}
