import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import {
  axisProps,
  chartMargin,
  chartSize,
  tickStyle,
  tooltipProps,
} from '../../../components/charts/chart-style.ts'
import { formatNumber } from '../../../lib/format.ts'
import type { RunChangeRow } from '../transform.ts'
import { RUN_CHANGE_SERIES } from './run-change-series.ts'

/** Hours by month, stacked: run, support and incidents under project; lazy-loaded with Recharts. */
export default function RunChangeChart({ data }: { data: readonly RunChangeRow[] }) {
  return (
    <BarChart
      data={[...data]}
      responsive
      style={chartSize}
      margin={chartMargin}
      accessibilityLayer={false}
    >
      {/* Columns stand upright: horizontal grid lines, unlike the shared bar rows. */}
      <CartesianGrid vertical={false} stroke="var(--grid)" />
      <XAxis dataKey="label" tick={tickStyle} {...axisProps} />
      <YAxis
        tickFormatter={(v: number) => `${formatNumber(v)} h`}
        tick={tickStyle}
        width={56}
        {...axisProps}
      />
      <Tooltip formatter={(v) => `${formatNumber(Number(v))} h`} {...tooltipProps} />
      {RUN_CHANGE_SERIES.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.name}
          stackId="hours"
          fill={s.fill}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  )
}
