import { CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import {
  axisProps,
  chartMargin,
  chartSize,
  tickStyle,
  tooltipProps,
} from '../../../components/charts/chart-style.ts'
import { formatInstant, formatPercent } from '../../../lib/format.ts'
import type { ServiceSeries } from '../queries.ts'
import {
  seriesMarkers,
  seriesPoints,
  timeTickFormat,
  uptimeSeriesDomain,
} from '../series-transform.ts'
import { markerAreas } from './series-markers.tsx'

/** Uptime per bucket against the SLO line, gaps where there was no data; lazy-loaded. */
export default function UptimeSeriesChart(props: { series: ServiceSeries; target: number }) {
  const { series, target } = props
  const data = seriesPoints(series)
  const from = Date.parse(series.from)
  const to = Date.parse(series.to)
  const domain = uptimeSeriesDomain(series, target)
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
        domain={domain}
        allowDataOverflow
        tickFormatter={(v: number) => `${v}%`}
        tick={tickStyle}
        width={56}
        {...axisProps}
      />
      <Tooltip
        labelFormatter={(t) => formatInstant(new Date(Number(t)).toISOString())}
        formatter={(v) => [typeof v === 'number' ? formatPercent(v / 100, 3) : 'no data', 'Uptime']}
        {...tooltipProps}
      />
      <ReferenceLine
        y={target * 100}
        stroke="var(--text)"
        strokeDasharray="4 3"
        ifOverflow="extendDomain"
      />
      <Line
        dataKey="uptime"
        stroke="var(--good)"
        strokeWidth={1.5}
        dot={false}
        activeDot={{ r: 3 }}
        connectNulls={false}
        isAnimationActive={false}
      />
    </ComposedChart>
  )
}
