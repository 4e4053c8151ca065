import { isDay } from '../../lib/range.ts'

// The progress form: a day, percent complete (0–100, two decimals at most) and a note.

export interface ProgressForm {
  asOf: string
  percent: string
  note: string
}

export type ProgressField = keyof ProgressForm

/** The percent as typed ("45", "62.5", "62.5%"); null when it is not 0–100 with two decimals. */
export function parsePercent(text: string): number | null {
  const s = text.trim().replace(/%$/, '').trim()
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null
  const n = Number(s)
  return n <= 100 ? n : null
}

export function progressProblems(form: ProgressForm): Partial<Record<ProgressField, string>> {
  const problems: Partial<Record<ProgressField, string>> = {}
  if (!isDay(form.asOf)) problems.asOf = 'Enter the day the progress was measured'
  if (parsePercent(form.percent) === null)
    problems.percent = 'Enter a percentage from 0 to 100, at most two decimals'
  return problems
}

export const toProgressBody = (form: ProgressForm) => ({
  percentComplete: parsePercent(form.percent) ?? 0,
  note: form.note.trim(),
})

/** Where the API's problems go: the day is in the path, the rest in the body. */
export function progressFieldOf(path: string): ProgressField | null {
  if (path === 'param.asOf') return 'asOf'
  if (path === 'json.percentComplete') return 'percent'
  if (path === 'json.note') return 'note'
  return null
}
