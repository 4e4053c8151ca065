import { type Checked, countRows } from '../../lib/csv/rows.ts'

export { type Checked, problemsOf, type RowResult, type RowStatus } from '../../lib/csv/rows.ts'

/** Counts by status and the money of the rows that would be written. */
export function summarise<V extends { amountPence: number | null }>(checked: Checked<V>) {
  const { committable, ...counts } = countRows(checked)
  return {
    ...counts,
    amountPence: checked.rows
      .filter((r) => r.status === 'new')
      .reduce((sum, r) => sum + (r.values.amountPence ?? 0), 0),
    committable,
  }
}
