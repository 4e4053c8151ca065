import { INCIDENT_ACTION_STATUS_LABELS, INCIDENT_ACTION_STATUSES } from '@opsdeck/contract'
import { formatDay, formatInstant } from '../../../lib/format.ts'
import { useOpener } from '../../../lib/use-opener.ts'
import type { Person } from '../follow-up-forms.ts'
import { type ActionItem, useEditAction } from '../queries.ts'
import { ActionForm } from './action-form.tsx'

interface ActionsSectionProps {
  refId: string
  actions: readonly ActionItem[]
  /** People to choose an owner from. */
  people: readonly Person[]
  /** Managers add follow-ups and change their status. */
  canManage: boolean
}

/** The follow-up actions, by due date; overdue ones said in words, not colour alone. */
export function ActionsSection({ refId, actions, people, canManage }: ActionsSectionProps) {
  const edit = useEditAction(refId)
  const { open: adding, show, close, opener } = useOpener()
  return (
    <>
      {actions.length === 0 ? <p className="muted">No follow-up actions.</p> : null}
      {actions.length > 0 ? (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Follow-up actions, by due date</caption>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col" className="text">
                  Owner
                </th>
                <th scope="col">Due</th>
                <th scope="col" className="text">
                  Status
                </th>
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
                    {canManage ? (
                      <select
                        className="inline-select"
                        aria-label={`Status of ${a.title}`}
                        value={a.status}
                        disabled={edit.isPending}
                        onChange={(e) =>
                          edit.mutate({
                            id: a.id,
                            patch: { status: e.target.value as ActionItem['status'] },
                          })
                        }
                      >
                        {INCIDENT_ACTION_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {INCIDENT_ACTION_STATUS_LABELS[s]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      INCIDENT_ACTION_STATUS_LABELS[a.status]
                    )}
                    {a.completedAt ? (
                      <span className="muted small"> {formatInstant(a.completedAt)}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {edit.error ? (
        <p className="form-error" role="alert">
          {edit.error.message}
        </p>
      ) : null}
      {canManage && adding ? <ActionForm refId={refId} people={people} onDone={close} /> : null}
      {canManage && !adding ? (
        <button ref={opener} type="button" className="button button-small" onClick={show}>
          Add follow-up action
        </button>
      ) : null}
    </>
  )
}
