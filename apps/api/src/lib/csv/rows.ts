import type { ImportProblem } from './read-csv.ts'

export type RowStatus = 'new' | 'duplicate' | 'error'

/** A row as the preview shows it: its values normalised (null where a cell is bad), its errors. */
export interface RowResult<V> {
  line: number
  status: RowStatus
  values: V
  errors: { column: string; message: string }[]
}

/** What a preview answers, and what a commit checks before it writes. */
export interface Checked<V> {
  rows: RowResult<V>[]
  /** Problems with the file as a whole (no header, a missing column, broken quoting). */
  fileErrors: ImportProblem[]
  warnings: string[]
}

/** What a commit wrote, or every problem in the file when it wrote nothing. */
export type CommitOutcome<T> = { ok: false; problems: ImportProblem[] } | { ok: true; committed: T }

/** Every error in the file, row by row, as invalid_import's details list them. */
export const problemsOf = <V>({ rows, fileErrors }: Checked<V>): ImportProblem[] => [
  ...fileErrors,
  ...rows.flatMap((row) => row.errors.map((e) => ({ line: row.line, ...e }))),
]

/** The rows counted by status, and whether a commit of the same text would write. */
export function countRows<V>(checked: Checked<V>) {
  const count = (status: RowStatus) => checked.rows.filter((r) => r.status === status).length
  return {
    total: checked.rows.length,
    new: count('new'),
    duplicate: count('duplicate'),
    errors: count('error'),
    committable: problemsOf(checked).length === 0,
  }
}
