import { BUDGET_CATEGORY_LABELS, SPEND_TYPE_LABELS } from '@opsdeck/contract'
import { EditableRow } from '../../../components/ui/row-actions.tsx'
import { formatDay } from '../../../lib/format.ts'
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
  const remove = useDeleteActual(code)
  const amount = formatPence(e.amountPence, currency)
  const what = `${amount} on ${formatDay(e.incurredOn)}`
  return (
    <EditableRow
      canManage={canManage}
      thing={`the entry of ${what}`}
      confirmLabel="Delete entry"
      remove={remove}
      variables={e.id}
      columns={COLUMNS}
      editor={(done) => <ActualForm code={code} lines={lines} entry={e} onDone={done} />}
    >
      <td className="num">{formatDay(e.incurredOn)}</td>
      <td>{e.supplier || <span className="muted">none</span>}</td>
      <td>{e.reference}</td>
      <td>{e.description}</td>
      <td>
        {BUDGET_CATEGORY_LABELS[e.category]}, {SPEND_TYPE_LABELS[e.spendType]}
      </td>
      <td>{e.budgetLine?.name ?? <span className="muted">none</span>}</td>
      <td className={e.amountPence < 0 ? 'num credit' : 'num'}>{amount}</td>
    </EditableRow>
  )
}
