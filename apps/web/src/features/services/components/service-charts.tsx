import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { lazy } from 'react'
import { ChartFrame } from '../../../components/ui/chart-frame.tsx'
import { QueryErrorState, Skeleton } from '../../../components/ui/states.tsx'
import type { RangeSpec } from '../../../lib/range.ts'
import { burnDown, burnDownSummary } from '../burn-down.ts'
import { servicesQueries } from '../queries.ts'
import {
  bucketLabel,
  latencySummary,
  uptimeSeriesDomain,
  uptimeSummary,
} from '../series-transform.ts'
import { MarkerLegend } from './series-markers.tsx'

const UptimeSeriesChart = lazy(() => import('./uptime-series-chart.tsx'))
const LatencyChart = lazy(() => import('./latency-chart.tsx'))
const BurnDownChart = lazy(() => import('./burn-down-chart.tsx'))

interface ServiceChartsProps {
  slug: string
  range: RangeSpec
  target: number
  windowDays: number
}

/** Uptime and latency over the range shown, and the error budget over the SLO window. */
export function ServiceCharts({ slug, range, target, windowDays }: ServiceChartsProps) {
  const query = useQuery({
    ...servicesQueries.series(slug, range),
    placeholderData: keepPreviousData,
  })
  const series = query.data
  if (query.error) return <QueryErrorState title="Could not load the charts" query={query} />
  if (!series) return <Skeleton lines={6} tall />
  const per = bucketLabel(series.bucketSeconds)
  return (
    <div className="chart-grid">
      <section aria-labelledby="svc-uptime-chart">
        <h2 id="svc-uptime-chart">Uptime over time</h2>
        <ChartFrame
          height={200}
          summary={uptimeSummary(series, target)}
          caption={
            <>
              Uptime per {per} bucket; the dashed line is the SLO. Gaps are buckets without data.
              {uptimeSeriesDomain(series, target)[0] > 0
                ? ' The axis does not start at 0.'
                : ''}{' '}
              <MarkerLegend />
            </>
          }
        >
          <UptimeSeriesChart series={series} target={target} />
        </ChartFrame>
      </section>
      <section aria-labelledby="svc-latency-chart">
        <h2 id="svc-latency-chart">Latency over time</h2>
        <ChartFrame
          height={200}
          summary={latencySummary(series)}
          caption={
            <>
              p50 (light) and p95 (dark) latency per {per} bucket. <MarkerLegend />
            </>
          }
        >
          <LatencyChart series={series} />
        </ChartFrame>
      </section>
      <section aria-labelledby="svc-budget-chart">
        <h2 id="svc-budget-chart">Error budget burn-down</h2>
        <ChartFrame
          height={200}
          summary={burnDownSummary(series.budget, windowDays)}
          caption={`Share of the error budget left over the rolling ${windowDays}-day SLO window; dashed, where it heads at the current burn rate (the red line is the day it runs out, when that falls within the chart).`}
        >
          <BurnDownChart burnDown={burnDown(series.budget)} />
        </ChartFrame>
        <p className="small">{burnDownSummary(series.budget, windowDays)}</p>
      </section>
    </div>
  )
}
