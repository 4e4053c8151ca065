import { ALLOCATION_KIND_LABELS } from '@opsdeck/contract'
import { EditableRow } from '../../components/ui/row-actions.tsx'
import { formatDay } from '../../lib/format.ts'
import { useOpener } from '../../lib/use-opener.ts'
import { bookingLabel } from './allocation-form.ts'
import { AllocationEditor } from './allocation-editor.tsx'
import { useDeleteAllocation } from './capacity-writes.ts'
import type { Allocation } from './person-queries.ts'

interface AllocationListProps {
  personId: number
  allocations: readonly Allocation[]
  /** The browser's today: allocations ended before it are past, listed folded. */
  today: string
  canManage: boolean
}

/** Current and future allocations first; the past folded under them. Managers add, edit, delete. */
export function AllocationList({ personId, allocations, today, canManage }: AllocationListProps) {
  const { open: adding, show, close, opener } = useOpener()
  const current = allocations.filter((a) => a.lastDay >= today)
  const past = allocations.filter((a) => a.lastDay < today).reverse()
  return (
    <>
      {current.length === 0 ? (
        <p className="muted">Nothing booked from today on.</p>
      ) : (
        <AllocationTable
          caption="Current and future allocations"
          personId={personId}
          rows={current}
          canManage={canManage}
        />
      )}
      {canManage && adding ? <AllocationEditor personId={personId} onDone={close} /> : null}
      {canManage && !adding ? (
        <button ref={opener} type="button" className="button button-small" onClick={show}>
          Add allocation
        </button>
      ) : null}
      {past.length > 0 ? (
        <details className="person-past">
          <summary>Past allocations ({past.length})</summary>
          <AllocationTable
            caption="Past allocations, latest first"
            personId={personId}
            rows={past}
            canManage={canManage}
          />
        </details>
      ) : null}
    </>
  )
}

function AllocationTable(props: {
  caption: string
  personId: number
  rows: readonly Allocation[]
  canManage: boolean
}) {
  return (
    <div className="table-scroll">
      <table className="data person-allocations">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="text">
              Work
            </th>
            <th scope="col" className="text">
              Dates
            </th>
            <th scope="col" className="text">
              Booking
            </th>
            <th scope="col" className="text">
              Status
            </th>
            <th scope="col" className="text">
              Note
            </th>
            {props.canManage ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((a) => (
            <AllocationRow key={a.id} personId={props.personId} a={a} canManage={props.canManage} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** `Project PRJ-0012 Network refresh`, or the kind's label. */
export const workLabel = (a: Allocation) =>
  a.project ? `${a.project.code} ${a.project.name}` : ALLOCATION_KIND_LABELS[a.kind]

function AllocationRow({
  personId,
  a,
  canManage,
}: {
  personId: number
  a: Allocation
  canManage: boolean
}) {
  const remove = useDeleteAllocation()
  const name = `${workLabel(a)}, ${formatDay(a.firstDay)} to ${formatDay(a.lastDay)}`
  return (
    <EditableRow
      canManage={canManage}
      thing={`the allocation ${name}`}
      confirmLabel="Delete allocation"
      remove={remove}
      variables={a.id}
      columns={6}
      editor={(done) => <AllocationEditor personId={personId} allocation={a} onDone={done} />}
    >
      <th scope="row">
        {a.project ? (
          <>
            <span className="muted">Project</span> {a.project.code} {a.project.name}
          </>
        ) : (
          ALLOCATION_KIND_LABELS[a.kind]
        )}
      </th>
      <td className="nowrap">
        {formatDay(a.firstDay)} – {formatDay(a.lastDay)}
      </td>
      <td>{bookingLabel(a)}</td>
      <td>
        <span className={`chip allocation-${a.status}`}>
          {a.status === 'confirmed' ? 'Confirmed' : 'Tentative'}
        </span>
      </td>
      <td className="person-note">{a.note || <span className="muted">—</span>}</td>
    </EditableRow>
  )
}
