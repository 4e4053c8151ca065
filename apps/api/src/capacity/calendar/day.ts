import { MAX_CAPACITY_SPAN_YEARS, MAX_YEAR } from '@opsdeck/contract'
import { z } from 'zod'
import { errorBody } from '../../lib/errors.ts'

// Days as capacity's writes take them: allocations, time off, closure days, responder hours.

export const FIRST_CAPACITY_DAY = '2000-01-01'

/** A real calendar day (2026-02-31 is refused), 2000 to MAX_YEAR. */
export const CapacityDay = z.iso
  .date('must be a day (2026-10-31)')
  .refine((s) => s >= FIRST_CAPACITY_DAY, `must be ${FIRST_CAPACITY_DAY} or later`)
  .refine((s) => Number(s.slice(0, 4)) <= MAX_YEAR, `must be in ${MAX_YEAR} or earlier`)

const DAY_MS = 86_400_000

/** The last day a span starting on `firstDay` may end: the day before the same day 3 years on. */
export function lastDayOfSpan(firstDay: string): string {
  const [y, m, d] = firstDay.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y + MAX_CAPACITY_SPAN_YEARS, m - 1, d) - DAY_MS)
    .toISOString()
    .slice(0, 10)
}

/** Why `lastDay` cannot end a span from `firstDay`, or null when it can. */
export function spanProblem(firstDay: string, lastDay: string): string | null {
  // A first day the field itself refuses gives no span (year 1 + 3 would read as 1903).
  if (firstDay < FIRST_CAPACITY_DAY) return null
  if (lastDay < firstDay) return `must be on or after firstDay (${firstDay})`
  const last = lastDayOfSpan(firstDay)
  if (lastDay > last) {
    return `must be at most ${MAX_CAPACITY_SPAN_YEARS} years after firstDay: ${last} at the latest`
  }
  return null
}

/** How a person's employment reads in a message: "from 2025-01-06 to 2026-09-30". */
export function employmentText(p: { startDate: string | null; endDate: string | null }) {
  if (p.startDate && p.endDate) return `from ${p.startDate} to ${p.endDate}`
  if (p.startDate) return `from ${p.startDate}`
  return p.endDate ? `until ${p.endDate}` : 'open'
}

/** Whether a span has at least one day of the person's employment (the rule allocations keep). */
export function overlapsEmployment(
  p: { startDate: string | null; endDate: string | null },
  span: { firstDay: string; lastDay: string },
) {
  return (
    (p.startDate === null || p.startDate <= span.lastDay) &&
    (p.endDate === null || p.endDate >= span.firstDay)
  )
}

export interface Detail {
  path: string
  message: string
}

/** 400 validation_failed naming each field, as validate() answers. */
export function invalid(details: Detail[]) {
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ')
  return errorBody('validation_failed', `Invalid request: ${summary}`, details)
}

/**
 * A span's dates checked together, for a write that changes one of them: the field named is the
 * one the body gave (lastDay when it gave both).
 */
export function spanDetails(
  span: { firstDay: string; lastDay: string },
  given: { firstDay?: unknown; lastDay?: unknown },
): Detail[] {
  const problem = spanProblem(span.firstDay, span.lastDay)
  if (!problem) return []
  if (given.lastDay !== undefined || given.firstDay === undefined) {
    return [{ path: 'json.lastDay', message: problem }]
  }
  const message =
    span.lastDay < span.firstDay
      ? `must be on or before lastDay (${span.lastDay})`
      : `must be less than ${MAX_CAPACITY_SPAN_YEARS} years before lastDay (${span.lastDay})`
  return [{ path: 'json.firstDay', message }]
}
