import { INCIDENT_STATUS_LABELS, SEVERITY_LABELS } from '@opsdeck/contract'
import { formatInstant } from '../../../lib/format.ts'
import type { ServiceDetail } from '../queries.ts'

/** The service's recent incidents, newest first. */
export function IncidentsList({ incidents }: { incidents: ServiceDetail['incidents'] }) {
  if (incidents.length === 0)
    return <p className="muted">No incidents recorded for this service.</p>
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="visually-hidden">Recent incidents, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
            <th scope="col">Impact</th>
            <th scope="col">Started</th>
            <th scope="col">Resolved</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.ref}>
              <th scope="row">
                <span className="at-risk-code">{i.ref}</span> {i.title}
              </th>
              <td className="num">
                {i.severity} {SEVERITY_LABELS[i.severity]}
              </td>
              <td className="num">{INCIDENT_STATUS_LABELS[i.status]}</td>
              <td className="num">{i.impact === 'outage' ? 'Outage' : 'Degraded'}</td>
              <td className="num">{formatInstant(i.startedAt)}</td>
              <td className="num">{i.resolvedAt ? formatInstant(i.resolvedAt) : 'open'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
