import { formatDay, formatInstant } from '../../../lib/format.ts'
import { ACTION_STATUS_LABELS } from '../detail-transform.ts'
import type { ActionItem } from '../queries.ts'

/** The follow-up actions, by due date; overdue ones said in words, not colour alone. */
export function ActionsTable({ actions }: { actions: readonly ActionItem[] }) {
  if (actions.length === 0) return <p className="muted">No follow-up actions.</p>
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="visually-hidden">Follow-up actions, by due date</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.title}</th>
              <td>{a.owner?.name ?? <span className="muted">none</span>}</td>
              <td className={a.overdue ? 'num tone-bad' : 'num'}>
                {a.dueOn ? formatDay(a.dueOn) : <span className="muted">no date</span>}
                {a.overdue ? ' (overdue)' : null}
              </td>
              <td>
                {ACTION_STATUS_LABELS[a.status]}
                {a.completedAt ? (
                  <span className="muted small"> {formatInstant(a.completedAt)}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
