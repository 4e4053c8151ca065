import { BUDGET_CATEGORY_LABELS, SPEND_TYPE_LABELS } from '@opsdeck/contract'
import { Confirm } from '../../../components/ui/confirm.tsx'
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
  const { open: asking, show: ask, close: closeAsk, opener: deleteOpener } = useOpener()
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
          <td className="row-actions">
            {asking ? (
              <Confirm
                question={`Delete the entry of ${what}?`}
                confirmLabel="Delete entry"
                danger
                onConfirm={() => remove.mutate(e.id, { onSuccess: closeAsk })}
                onCancel={closeAsk}
              />
            ) : (
              <>
                {editing ? null : (
                  <button
                    ref={editOpener}
                    type="button"
                    className="button button-small button-quiet"
                    aria-label={`Edit the entry of ${what}`}
                    onClick={edit}
                  >
                    Edit
                  </button>
                )}
                <button
                  ref={deleteOpener}
                  type="button"
                  className="button button-small button-quiet"
                  aria-label={`Delete the entry of ${what}`}
                  onClick={ask}
                >
                  Delete
                </button>
              </>
            )}
            {remove.error ? (
              <p className="form-error" role="alert">
                {remove.error.message}
              </p>
            ) : null}
          </td>
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
