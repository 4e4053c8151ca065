import { parsePounds, poundsText } from './money.ts'

// The re-baseline form: the plan as month → pounds rows over the project's months, prefilled from
// the current baseline or an even spread of the BAC, and the body POST /baselines takes.

export interface PlanRow {
  /** `2026-03` */
  month: string
  /** Pounds as typed. */
  amount: string
}

/** Every calendar month from the start day's to the end day's, `YYYY-MM`. */
export function monthsBetween(startDate: string, endDate: string): string[] {
  const months: string[] = []
  let [y, m] = startDate.split('-').map(Number) as [number, number]
  const end = endDate.slice(0, 7)
  for (let i = 0; i < 1200; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`
    if (month > end) break
    months.push(month)
    if (++m > 12) [y, m] = [y + 1, 1]
  }
  return months
}

/** The BAC over the months in whole pence, the odd pence one each to the first months. */
export function evenSpread(bac: number, months: readonly string[]): number[] {
  if (months.length === 0) return []
  const base = Math.floor(bac / months.length)
  const odd = bac - base * months.length
  return months.map((_, i) => base + (i < odd ? 1 : 0))
}

/**
 * The rows to start from: the project's months with the current baseline's amounts (0 where it
 * plans nothing), or with the BAC spread evenly when there is no baseline.
 */
export function initialPlan(
  project: { startDate: string; endDate: string; bac: number },
  current: readonly { month: string; amountPence: number }[] | null,
): PlanRow[] {
  const months = monthsBetween(project.startDate, project.endDate)
  if (!current) {
    const spread = evenSpread(project.bac, months)
    return months.map((month, i) => ({ month, amount: poundsText(spread[i] ?? 0) }))
  }
  const planned = new Map(current.map((m) => [m.month, m.amountPence]))
  return months.map((month) => ({ month, amount: poundsText(planned.get(month) ?? 0) }))
}

/** The plan's total in pence; null while an amount is not one. */
export function planTotal(rows: readonly PlanRow[]): number | null {
  let total = 0
  for (const r of rows) {
    const pence = parsePounds(r.amount || '0')
    if (pence === null || pence < 0) return null
    total += pence
  }
  return total
}

export type PlanField = 'reason' | `months.${number}`

export function planProblems(
  rows: readonly PlanRow[],
  reason: string,
  reasonRequired: boolean,
): Partial<Record<PlanField, string>> {
  const problems: Partial<Record<PlanField, string>> = {}
  if (reasonRequired && !reason.trim()) problems.reason = 'Say why the plan changes'
  rows.forEach((r, i) => {
    const pence = parsePounds(r.amount || '0')
    if (pence === null || pence < 0) problems[`months.${i}`] = 'Enter pounds, 0 or more'
  })
  return problems
}

export const toNewBaseline = (rows: readonly PlanRow[], reason: string) => ({
  reason: reason.trim(),
  months: rows.map((r) => ({ month: r.month, amountPence: parsePounds(r.amount || '0') ?? 0 })),
})

/** Where the API's problems go: `json.reason`, and `json.months.3.month` to that month's row. */
export function planFieldOf(path: string): PlanField | null {
  if (path === 'json.reason') return 'reason'
  const row = /^json\.months\.(\d+)(\.|$)/.exec(path)
  return row ? `months.${Number(row[1])}` : null
}

/** `2026-03` as "Mar 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Intl.DateTimeFormat('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)))
}
