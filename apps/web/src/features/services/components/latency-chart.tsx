import { CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'
import {
  axisProps,
  chartMargin,
  chartSize,
  tickStyle,
  tooltipProps,
} from '../../../components/charts/chart-style.ts'
import { formatInstant } from '../../../lib/format.ts'
import { latencyText } from '../budget.ts'
import type { ServiceSeries } from '../queries.ts'
import { seriesMarkers, seriesPoints, timeTickFormat } from '../series-transform.ts'
import { markerAreas } from './series-markers.tsx'

/** p50 and p95 latency per bucket; lazy-loaded. */
export default function LatencyChart({ series }: { series: ServiceSeries }) {
  const data = seriesPoints(series)
  const from = Date.parse(series.from)
  const to = Date.parse(series.to)
  return (
    <ComposedChart
      data={data}
      responsive
      style={chartSize}
      margin={chartMargin}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="var(--grid)" vertical={false} />
      {markerAreas(seriesMarkers(series))}
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[from, to]}
        tickFormatter={timeTickFormat(from, to)}
        tick={tickStyle}
        {...axisProps}
      />
      <YAxis
        tickFormatter={(v: number) => latencyText(v)}
        tick={tickStyle}
        width={56}
        {...axisProps}
      />
      <Tooltip
        labelFormatter={(t) => formatInstant(new Date(Number(t)).toISOString())}
        formatter={(v, name) => [typeof v === 'number' ? latencyText(v) : 'no data', name]}
        {...tooltipProps}
      />
      <Line
        dataKey="p50"
        name="p50"
        stroke="var(--accent-soft)"
        strokeWidth={1.5}
        dot={false}
        connectNulls={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="p95"
        name="p95"
        stroke="var(--accent)"
        strokeWidth={1.5}
        dot={false}
        connectNulls={false}
        isAnimationActive={false}
      />
    </ComposedChart>
  )
}
