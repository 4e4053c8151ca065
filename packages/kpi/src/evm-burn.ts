import { dayNumber, dayParts, daysInMonth } from './calendar.ts'
import type { CalendarDay } from './calendar.ts'
import { assertMoney } from './evm.ts'

const DAY_MS = 86_400_000
// An average month, for a window shorter than three calendar months.
export const DAYS_PER_MONTH = 365.25 / 12

export const isoDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10)

// The window of "AC per month over the last 3 months": from the day after the same date three
// calendar months before asOf (clamped to that month's length: 31 May → 28 Feb → from 1 March)
// to asOf, both inclusive. A project younger than that is measured from its start, over the
// window's days in average months. null before the project starts.
export function burnWindow(args: {
  start: CalendarDay
  asOf: CalendarDay
}): { from: string; months: number } | null {
  const start = dayNumber(args.start)
  const asOf = dayNumber(args.asOf)
  if (asOf < start) return null
  const { year, month, day } = dayParts(args.asOf)
  const back = new Date(Date.UTC(year, month - 1 - 3, 1))
  const y = back.getUTCFullYear()
  const m = back.getUTCMonth() + 1
  const sameDay = Date.UTC(y, m - 1, Math.min(day, daysInMonth(y, m))) / DAY_MS
  const from = sameDay + 1
  if (start <= from) return { from: isoDay(from), months: 3 }
  return { from: isoDay(start), months: (asOf - start + 1) / DAYS_PER_MONTH }
}

// Spend per month in whole pence; n/a over an empty window.
export function costBurnRate(spent: number, months: number): number | null {
  assertMoney('spent', spent)
  if (!(months >= 0 && Number.isFinite(months))) {
    throw new RangeError(`months must be a finite number >= 0, got ${months}`)
  }
  return months === 0 ? null : Math.round(spent / months)
}

// Months until AC reaches BAC at the current burn; 0 once it has; n/a when nothing is being spent
// (no burn, or net credits in the window).
export function runwayMonths(args: {
  bac: number
  ac: number
  burn: number | null
}): number | null {
  const { bac, ac, burn } = args
  assertMoney('bac', bac)
  assertMoney('ac', ac)
  if (ac >= bac) return 0
  if (burn === null || !(burn > 0)) return null
  return (bac - ac) / burn
}
