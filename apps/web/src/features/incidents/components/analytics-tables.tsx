import { Link } from 'react-router'
import { formatNumber } from '../../../lib/format.ts'
import { downtimeCount, downtimeRows, repeatRows, serviceRows } from '../analytics-transform.ts'
import type { IncidentMetrics } from '../queries.ts'
import { AnalyticsSection } from './analytics-section.tsx'
import { SeverityBadge } from './severity-badge.tsx'

/** How many incidents the downtime table lists: the worst, the rest are in the list. */
const DOWNTIME_ROWS = 10

interface TableProps {
  metrics: IncidentMetrics
  /** The page's query string, carried by links so the range and filters survive. */
  search: string
}

/** Per service: incidents, the downtime they caused, the error budget it took, MTBF. */
export function ServiceTable({ metrics, search }: TableProps) {
  const rows = serviceRows(metrics)
  return (
    <AnalyticsSection
      title="Incidents by service"
      scope="Each affected service of the incidents that started in the range (an incident on two services counts for each), most incidents first. Downtime is each incident's own, summed; budget consumed is that downtime over the service's SLO-window error budget."
      kpis={['incidentCounts', 'incidentDowntime', 'incidentBudgetShare', 'mtbf']}
    >
      {rows.length === 0 ? (
        <p className="muted">None of these incidents named an affected service.</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">
              Incidents by service, with the downtime they caused, the error budget consumed and
              MTBF
            </caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col" className="text">
                  Team
                </th>
                <th scope="col">Incidents</th>
                <th scope="col">Downtime</th>
                <th scope="col">Error budget consumed</th>
                <th scope="col">MTBF</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.slug}>
                  <th scope="row">
                    <Link to={{ pathname: `/services/${r.slug}`, search }}>{r.name}</Link>
                  </th>
                  <td>{r.team}</td>
                  <td className="num">{r.incidents}</td>
                  <td className="num">{r.downtime}</td>
                  <td className={r.overBudget ? 'num tone-bad' : 'num'}>
                    {r.budget}
                    {r.overBudget ? <span className="small"> (over budget)</span> : null}
                  </td>
                  <td className="num">{r.mtbf}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AnalyticsSection>
  )
}

/** The incidents that caused downtime, the worst first, with the budget each took per service. */
export function DowntimeTable({ metrics, search }: TableProps) {
  const rows = downtimeRows(metrics, DOWNTIME_ROWS)
  const total = downtimeCount(metrics)
  return (
    <AnalyticsSection
      title="Downtime by incident"
      scope="Down samples of each affected service from the incident's start to its resolution (or now), times the check interval; the share of that service's error budget."
      kpis={['incidentDowntime', 'incidentBudgetShare']}
    >
      {rows.length === 0 ? (
        <p className="muted">No incident in this range caused downtime.</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data analytics-wrap">
              <caption className="visually-hidden">
                Incidents by the downtime they caused, most first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Incident</th>
                  <th scope="col" className="text">
                    Severity
                  </th>
                  <th scope="col">Downtime</th>
                  <th scope="col" className="text">
                    Per service (share of its error budget)
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.ref}>
                    <th scope="row">
                      <IncidentLink refId={r.ref} title={r.title} search={search} />
                    </th>
                    <td>
                      <SeverityBadge severity={r.severity} />
                    </td>
                    <td className="num">
                      {r.downtime}
                      {r.approximate ? <span className="small"> (from hourly data)</span> : null}
                    </td>
                    <td className="wrap">{r.services}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {total > rows.length ? (
            <p className="small muted">
              The {formatNumber(rows.length)} with the most downtime of {formatNumber(total)}.
            </p>
          ) : null}
        </>
      )}
    </AnalyticsSection>
  )
}

/** Incidents that started soon after an earlier one on a same service. */
export function RepeatTable({ metrics, search }: TableProps) {
  const rows = repeatRows(metrics)
  const { windowDays } = metrics.repeats
  return (
    <AnalyticsSection
      title="Repeat incidents"
      scope={`Incidents that started in the range at most ${windowDays} days after an earlier incident (of any severity, maybe before the range) on one of the same services.`}
      kpis={['repeatIncident']}
    >
      {rows.length === 0 ? (
        <p className="muted">No repeat incidents in this range.</p>
      ) : (
        <div className="table-scroll">
          <table className="data analytics-wrap">
            <caption className="visually-hidden">
              Repeat incidents, oldest first: each started within {windowDays} days of an earlier
              incident on a same service
            </caption>
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col" className="text">
                  Severity
                </th>
                <th scope="col" className="text">
                  Started
                </th>
                <th scope="col" className="text">
                  Services
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.ref}>
                  <th scope="row">
                    <IncidentLink refId={r.ref} title={r.title} search={search} />
                  </th>
                  <td>
                    <SeverityBadge severity={r.severity} />
                  </td>
                  <td>{r.started}</td>
                  <td className="wrap">{r.services}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AnalyticsSection>
  )
}

function IncidentLink(props: { refId: string; title: string; search: string }) {
  return (
    <Link to={{ pathname: `/incidents/${props.refId}`, search: props.search }}>
      <span className="incident-ref">{props.refId}</span> {props.title}
    </Link>
  )
}
