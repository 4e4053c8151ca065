import { BUDGET_CATEGORY_LABELS, SPEND_TYPE_LABELS } from '@opsdeck/contract'
import type { PreviewColumn } from '../../../components/import/import-files.ts'
import { formatDay } from '../../../lib/format.ts'
import { formatMonth } from '../import-transform.ts'
import type { ActualsPreview, BaselinesPreview } from '../import-writes.ts'
import { formatPence } from '../money.ts'

// The preview's columns by the names the API's errors use, so a bad cell is marked where it is.

export type ActualRow = ActualsPreview['rows'][number]
export type PlanRow = BaselinesPreview['rows'][number]

const dayText = (day: string | null) => (day ? formatDay(day) : '')

export const ACTUAL_COLUMNS: PreviewColumn<ActualRow>[] = [
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

export const PLAN_COLUMNS: PreviewColumn<PlanRow>[] = [
  { key: 'project', label: 'Project', cell: (r) => r.values.projectCode },
  {
    key: 'month',
    label: 'Month',
    cell: (r) => (r.values.month ? formatMonth(r.values.month) : ''),
  },
  { key: 'amount', label: 'Planned', num: true, cell: (r) => formatPence(r.values.amountPence) },
]
