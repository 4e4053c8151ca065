import { lazy, type ReactNode, useId } from 'react'
import { ChartFrame } from '../../../components/ui/chart-frame.tsx'
import {
  countsSummary,
  monthlyCounts,
  monthRows,
  responseTrend,
  severitiesIn,
  trendSummary,
} from '../analytics-transform.ts'
import type { IncidentMetrics } from '../queries.ts'
import { AnalyticsSection } from './analytics-section.tsx'
import { BarKey, LineKey } from './analytics-keys.tsx'

const MonthlyCountsChart = lazy(() => import('./monthly-counts-chart.tsx'))
const ResponseTrendChart = lazy(() => import('./response-trend-chart.tsx'))

const HEIGHT = 220

/** Incidents, MTTA and MTTR per month and severity, as charts and as a table. */
export function AnalyticsTrends({ metrics }: { metrics: IncidentMetrics }) {
  const severities = severitiesIn(metrics)
  const counts = monthlyCounts(metrics)
  const mtta = responseTrend(metrics, 'mtta')
  const mttr = responseTrend(metrics, 'mttr')
  const zone = `Months in ${metrics.timezone}.`
  return (
    <AnalyticsSection
      title="Trends by month"
      scope={`Incidents by the month they started, ${zone} A month's MTTA and MTTR are over its incidents that reached the milestone; gaps are months with none.`}
      kpis={['incidentCounts', 'mtta', 'mttr', 'slaBreachRate']}
    >
      <div className="analytics-charts">
        <ChartPanel title="Incidents per month">
          <ChartFrame
            height={HEIGHT}
            summary={countsSummary(counts)}
            caption={
              <>
                Incidents started per month, stacked by severity. <BarKey severities={severities} />
              </>
            }
          >
            <MonthlyCountsChart data={counts} severities={severities} />
          </ChartFrame>
        </ChartPanel>
        <ChartPanel title="MTTA per month">
          <ChartFrame
            height={HEIGHT}
            summary={trendSummary(mtta, 'mtta', severities)}
            caption={
              <>
                Mean time to acknowledge per month; gaps are months with nothing acknowledged.{' '}
                <LineKey severities={severities} />
              </>
            }
          >
            <ResponseTrendChart data={mtta} severities={severities} />
          </ChartFrame>
        </ChartPanel>
        <ChartPanel title="MTTR per month">
          <ChartFrame
            height={HEIGHT}
            summary={trendSummary(mttr, 'mttr', severities)}
            caption={
              <>
                Mean time to resolve per month; gaps are months with nothing resolved.{' '}
                <LineKey severities={severities} />
              </>
            }
          >
            <ResponseTrendChart data={mttr} severities={severities} />
          </ChartFrame>
        </ChartPanel>
      </div>
      <MonthTable metrics={metrics} />
    </AnalyticsSection>
  )
}

function ChartPanel({ title, children }: { title: string; children: ReactNode }) {
  const id = useId()
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  )
}

function MonthTable({ metrics }: { metrics: IncidentMetrics }) {
  return (
    <div className="table-scroll">
      <table className="data">
        <caption>By month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Incidents</th>
            <th scope="col">MTTA (mean)</th>
            <th scope="col">MTTR (mean)</th>
            <th scope="col">SLA breach rate</th>
          </tr>
        </thead>
        <tbody>
          {monthRows(metrics).map((m) => (
            <tr key={m.month}>
              <th scope="row">{m.label}</th>
              <td className="num">{m.incidents}</td>
              <td className="num">{m.mtta}</td>
              <td className="num">{m.mttr}</td>
              <td className="num">{m.breachRate}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
