import { BUDGET_CATEGORY_LABELS, SPEND_TYPE_LABELS } from '@opsdeck/contract'
import { formatDay } from '../../../lib/format.ts'
import { formatMonth, type RowStatus } from '../import-transform.ts'
import { formatPence } from '../money.ts'
import type { ActualsPreview, BaselinesPreview, ImportPreview } from '../import-writes.ts'

type ActualRow = ActualsPreview['rows'][number]
type PlanRow = BaselinesPreview['rows'][number]
type AnyRow = ActualRow | PlanRow

// The preview's columns by the names the API's errors use, so a bad cell is marked where it is.
interface Column<R> {
  key: string
  label: string
  num?: true
  cell: (row: R) => string
}

const ACTUAL_COLUMNS: Column<ActualRow>[] = [
  { key: 'project', label: 'Project', cell: (r) => r.values.projectCode },
  { key: 'date', label: 'Date', cell: (r) => dayText(r.values.incurredOn) },
  { key: 'amount', label: 'Amount', num: true, cell: (r) => formatPence(r.values.amountPence) },
  {
    key: 'category',
    label: 'Category',
    cell: (r) => (r.values.category ? BUDGET_CATEGORY_LABELS[r.values.category] : ''),
  },
  {
    key: 'spend_type',
    label: 'Spend type',
    cell: (r) => (r.values.spendType ? SPEND_TYPE_LABELS[r.values.spendType] : ''),
  },
  { key: 'supplier', label: 'Supplier', cell: (r) => r.values.supplier },
  { key: 'reference', label: 'Reference', cell: (r) => r.values.reference },
  { key: 'description', label: 'Description', cell: (r) => r.values.description },
]

const PLAN_COLUMNS: Column<PlanRow>[] = [
  { key: 'project', label: 'Project', cell: (r) => r.values.projectCode },
  {
    key: 'month',
    label: 'Month',
    cell: (r) => (r.values.month ? formatMonth(r.values.month) : ''),
  },
  { key: 'amount', label: 'Planned', num: true, cell: (r) => formatPence(r.values.amountPence) },
]

const dayText = (day: string | null) => (day ? formatDay(day) : '')

const STATUS_TEXT: Record<RowStatus, string> = {
  new: 'New',
  duplicate: 'Duplicate',
  error: 'Error',
}

interface ImportRowsProps {
  preview: ImportPreview
  rows: AnyRow[]
  caption: string
}

/** Every row of the preview: its line, status, values as read, and each error by column. */
export function ImportRows({ preview, rows, caption }: ImportRowsProps) {
  const columns = (preview.kind === 'actuals' ? ACTUAL_COLUMNS : PLAN_COLUMNS) as Column<AnyRow>[]
  return (
    <div className="table-scroll import-rows" tabIndex={0} role="region" aria-label={caption}>
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" className="text">
              Status
            </th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.num ? undefined : 'text'}>
                {c.label}
              </th>
            ))}
            <th scope="col" className="text">
              Problems
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const bad = new Set(row.errors.map((e) => e.column))
            return (
              <tr key={row.line} className={`import-row-${row.status}`}>
                <th scope="row" className="num">
                  {row.line}
                </th>
                <td>
                  <span className={`chip import-status import-status-${row.status}`}>
                    {STATUS_TEXT[row.status]}
                  </span>
                </td>
                {columns.map((c) => (
                  <td
                    key={c.key}
                    className={[c.num ? 'num' : '', bad.has(c.key) ? 'import-cell-bad' : '']
                      .filter(Boolean)
                      .join(' ')}
                  >
                    {c.cell(row)}
                  </td>
                ))}
                <td className="wrap import-errors">
                  {row.errors.length ? (
                    <ul>
                      {row.errors.map((e, i) => (
                        <li key={i}>
                          <strong>{e.column}</strong>: {e.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
