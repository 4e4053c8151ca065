import { TIME_OFF_KIND_LABELS } from '@opsdeck/contract'
import { EditableRow } from '../../components/ui/row-actions.tsx'
import { formatDay } from '../../lib/format.ts'
import { useOpener } from '../../lib/use-opener.ts'
import { useDeleteTimeOff } from './capacity-writes.ts'
import type { TimeOff } from './person-queries.ts'
import { daysBetween } from './person-weeks.ts'
import { TimeOffEditor } from './time-off-editor.tsx'

interface TimeOffListProps {
  personId: number
  timeOff: readonly TimeOff[]
  today: string
  canManage: boolean
}

/** `2 Dec 2026 (half day)`, `2 Dec 2026` or `21 Dec 2026 – 2 Jan 2027 (13 days)`. */
export function timeOffDates(t: TimeOff) {
  if (t.halfDay) return `${formatDay(t.firstDay)} (half day)`
  if (t.firstDay === t.lastDay) return formatDay(t.firstDay)
  return `${formatDay(t.firstDay)} – ${formatDay(t.lastDay)} (${daysBetween(t.firstDay, t.lastDay)} days)`
}

/** The person's time off, upcoming first then the past; managers add, edit and delete it. */
export function TimeOffList({ personId, timeOff, today, canManage }: TimeOffListProps) {
  const { open: adding, show, close, opener } = useOpener()
  const upcoming = timeOff.filter((t) => t.lastDay >= today)
  const past = timeOff.filter((t) => t.lastDay < today).reverse()
  const rows = [...upcoming, ...past]
  return (
    <>
      {rows.length === 0 ? (
        <p className="muted">No time off recorded.</p>
      ) : (
        <div className="table-scroll">
          <table className="data person-time-off">
            <caption className="visually-hidden">Time off, upcoming first</caption>
            <thead>
              <tr>
                <th scope="col" className="text">
                  Dates
                </th>
                <th scope="col" className="text">
                  Kind
                </th>
                <th scope="col" className="text">
                  Note
                </th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => (
                <TimeOffRow
                  key={t.id}
                  personId={personId}
                  t={t}
                  past={t.lastDay < today}
                  canManage={canManage}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && adding ? <TimeOffEditor personId={personId} onDone={close} /> : null}
      {canManage && !adding ? (
        <button ref={opener} type="button" className="button button-small" onClick={show}>
          Add time off
        </button>
      ) : null}
    </>
  )
}

function TimeOffRow(props: { personId: number; t: TimeOff; past: boolean; canManage: boolean }) {
  const { personId, t, past, canManage } = props
  const remove = useDeleteTimeOff()
  const dates = timeOffDates(t)
  return (
    <EditableRow
      canManage={canManage}
      thing={`the time off ${dates}`}
      confirmLabel="Delete time off"
      remove={remove}
      variables={t.id}
      columns={4}
      editor={(done) => <TimeOffEditor personId={personId} timeOff={t} onDone={done} />}
      rowProps={{ 'data-past': past || undefined }}
    >
      <th scope="row">
        {dates}
        {past ? <span className="muted"> · past</span> : null}
      </th>
      <td>{TIME_OFF_KIND_LABELS[t.kind]}</td>
      <td className="person-note">{t.note || <span className="muted">—</span>}</td>
    </EditableRow>
  )
}
