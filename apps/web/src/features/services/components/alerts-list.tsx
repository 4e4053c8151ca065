import { formatInstant } from '../../../lib/format.ts'
import { burnRateText } from '../budget.ts'
import type { ServiceDetail } from '../queries.ts'

const SEVERITY = { page: 'Page', ticket: 'Ticket' } as const

/** Burn-rate alerts, firing first: the rule, the burn rates that fired it, when. */
export function AlertsList({ alerts }: { alerts: ServiceDetail['alerts'] }) {
  if (alerts.length === 0) return <p className="muted">No burn-rate alerts in the last 30 days.</p>
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="visually-hidden">Burn-rate alerts, firing first</caption>
        <thead>
          <tr>
            <th scope="col">Alert</th>
            <th scope="col">Windows</th>
            <th scope="col">Burn rate (long / short)</th>
            <th scope="col">Threshold</th>
            <th scope="col">Peak</th>
            <th scope="col">Started</th>
            <th scope="col">Ended</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id}>
              <th scope="row" className={a.severity === 'page' ? 'tone-bad' : 'tone-warn'}>
                {SEVERITY[a.severity]}
                {a.endedAt === null ? ' · firing' : ''}
              </th>
              <td className="num">{a.rule}</td>
              <td className="num">
                {burnRateText(a.longBurnRate)} / {burnRateText(a.shortBurnRate)}
              </td>
              <td className="num">{burnRateText(a.threshold)}</td>
              <td className="num">{burnRateText(a.peakBurnRate)}</td>
              <td className="num">{formatInstant(a.startedAt)}</td>
              <td className="num">{a.endedAt ? formatInstant(a.endedAt) : 'firing'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
