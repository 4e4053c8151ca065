import { Line, LineChart, YAxis } from 'recharts'
import { chartSize } from '../../../components/charts/chart-style.ts'
import type { TrendPoint } from '../transform.ts'

/** The figure's last periods as a small line, no axes or animation; lazy-loaded with Recharts. */
export default function TrendSparkline({ points }: { points: readonly TrendPoint[] }) {
  return (
    <LineChart
      data={[...points]}
      responsive
      style={chartSize}
      margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
      accessibilityLayer={false}
    >
      <YAxis hide domain={['dataMin', 'dataMax']} />
      <Line
        dataKey="value"
        stroke="var(--accent)"
        strokeWidth={2}
        dot={{ r: 2, fill: 'var(--accent)' }}
        connectNulls={false}
        isAnimationActive={false}
      />
    </LineChart>
  )
}
