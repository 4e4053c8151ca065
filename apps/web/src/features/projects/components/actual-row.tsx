import { BUDGET_CATEGORY_LABELS, SPEND_TYPE_LABELS } from '@opsdeck/contract'
import { RowActions } from '../../../components/ui/row-actions.tsx'
import { formatDay } from '../../../lib/format.ts'
import { useOpener } from '../../../lib/use-opener.ts'
import { formatPence } from '../money.ts'
import { useDeleteActual } from '../project-writes.ts'
import type { BudgetLine, CostEntry } from '../queries.ts'
import { ActualForm } from './actual-form.tsx'

interface ActualRowProps {
  code: string
  entry: CostEntry
  lines: readonly BudgetLine[]
  currency: string
  canManage: boolean
}

const COLUMNS = 8

/** One cost entry; for a manager, Edit (the form opens under the row) and Delete, asked first. */
export function ActualRow({ code, entry: e, lines, currency, canManage }: ActualRowProps) {
  const { open: editing, show: edit, close: closeEdit, opener: editOpener } = useOpener()
  const remove = useDeleteActual(code)
  const amount = formatPence(e.amountPence, currency)
  const what = `${amount} on ${formatDay(e.incurredOn)}`
  return (
    <>
      <tr>
        <td className="num">{formatDay(e.incurredOn)}</td>
        <td>{e.supplier || <span className="muted">none</span>}</td>
        <td>{e.reference}</td>
        <td>{e.description}</td>
        <td>
          {BUDGET_CATEGORY_LABELS[e.category]}, {SPEND_TYPE_LABELS[e.spendType]}
        </td>
        <td>{e.budgetLine?.name ?? <span className="muted">none</span>}</td>
        <td className={e.amountPence < 0 ? 'num credit' : 'num'}>{amount}</td>
        {canManage ? (
          <RowActions
            thing={`the entry of ${what}`}
            confirmLabel="Delete entry"
            remove={remove}
            variables={e.id}
            onEdit={edit}
            editing={editing}
            editOpener={editOpener}
          />
        ) : null}
      </tr>
      {canManage && editing ? (
        <tr>
          <td colSpan={COLUMNS}>
            <ActualForm code={code} lines={lines} entry={e} onDone={closeEdit} />
          </td>
        </tr>
      ) : null}
    </>
  )
}
