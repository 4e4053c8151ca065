import { windowText } from '../detail-transform.ts'
import type { ServiceDetail } from '../queries.ts'

/** Windows going on now or starting later, soonest first. */
export function MaintenanceList(props: { windows: ServiceDetail['maintenance']; now: string }) {
  const { windows, now } = props
  if (windows.length === 0) return <p className="muted">No maintenance windows scheduled.</p>
  const at = Date.parse(now)
  return (
    <ul className="plain-list" aria-label="Upcoming maintenance windows">
      {windows.map((w) => (
        <li key={w.id}>
          <strong>{windowText(w.startsAt, w.endsAt)}</strong> {w.reason || 'Maintenance'}
          {w.recurring ? <span className="muted"> · weekly</span> : null}
          {Date.parse(w.startsAt) <= at ? <span className="tone-warn"> · in progress</span> : null}
        </li>
      ))}
    </ul>
  )
}
