import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { EmptyState, Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { scheduleQueries, type Delivery, type Schedule } from './schedule-queries.ts'
import { formatInZone } from './schedule-view.ts'

const STATUS_CLASS = {
  sent: 'status-on',
  pending: 'status-off tone-warn',
  failed: 'status-off tone-bad',
}
const STATUS_TEXT = { sent: 'Sent', pending: 'Pending', failed: 'Failed' }

/** A schedule's latest 50 deliveries, newest run first: what went where, and why not. */
export function ScheduleDeliveries({
  schedule,
  timezone,
}: {
  schedule: Schedule
  timezone: string
}) {
  const log = useQuery(scheduleQueries.deliveries(schedule.id))
  const at = (iso: string | null) => formatInZone(iso, timezone)
  return (
    <div className="schedule-deliveries">
      <QueryErrorState title="Could not load the delivery log" query={log} />
      {log.isPending ? <Loading label="Loading the delivery log…" lines={3} /> : null}
      {log.data?.length === 0 ? (
        <EmptyState title="Nothing delivered yet">
          <p>The first run is {at(schedule.nextRunAt)}.</p>
        </EmptyState>
      ) : null}
      {log.data?.length ? (
        <table className="data">
          <caption>Deliveries of {schedule.name}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col" className="text">
                Channel
              </th>
              <th scope="col" className="text">
                Status
              </th>
              <th scope="col">Attempts</th>
              <th scope="col" className="text">
                Last error
              </th>
              <th scope="col" className="text">
                Sent
              </th>
              <th scope="col" className="text">
                Next attempt
              </th>
              <th scope="col" className="text">
                Report
              </th>
            </tr>
          </thead>
          <tbody>
            {log.data.map((d) => (
              <DeliveryRow key={d.id} delivery={d} at={at} />
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  )
}

function DeliveryRow({
  delivery: d,
  at,
}: {
  delivery: Delivery
  at: (iso: string | null) => string
}) {
  return (
    <tr>
      <td className="nowrap">{at(d.runFor)}</td>
      <td>{d.channel === 'email' ? 'Email' : 'Webhook'}</td>
      <td>
        <span className={`status-badge ${STATUS_CLASS[d.status]}`}>{STATUS_TEXT[d.status]}</span>
      </td>
      <td className="num">{d.attempts}</td>
      <td>{d.lastError ?? <span className="muted">None</span>}</td>
      <td className="nowrap">{d.sentAt ? at(d.sentAt) : <span className="muted">Not yet</span>}</td>
      <td className="nowrap">{d.status === 'pending' ? at(d.nextAttemptAt) : ''}</td>
      <td>
        {d.snapshotId === null ? (
          <span className="muted">None</span>
        ) : (
          <Link to={`/reports/snapshots/${d.snapshotId}`}>Open report</Link>
        )}
      </td>
    </tr>
  )
}
