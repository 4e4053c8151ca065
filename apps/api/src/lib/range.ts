import { TZDate } from '@date-fns/tz'
import { DEFAULT_RANGE_DAYS, MAX_RANGE_DAYS, MAX_YEAR, MIN_YEAR } from '@opsdeck/contract'
import { addDays } from 'date-fns'
import { z } from 'zod'
import { errorBody } from './errors.ts'

const DAY_MS = 86_400_000

const fromMinYear = (s: string) => Number(s.slice(0, 4)) >= MIN_YEAR
const MIN_YEAR_MESSAGE = `must be in ${MIN_YEAR} or later`
const toMaxYear = (s: string) => Number(s.slice(0, 4)) <= MAX_YEAR
const MAX_YEAR_MESSAGE = `must be in ${MAX_YEAR} or earlier`

// `from`/`to` are ISO instants or calendar days. A day means the organisation's local midnight;
// a day given as `to` is inclusive (from=2026-11-01&to=2026-11-30 is all of November).
const Bound = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'must be a day (2026-10-31) or an instant with its offset (2026-10-31T09:00:00Z)',
  })
  .refine(fromMinYear, MIN_YEAR_MESSAGE)
  .refine(toMaxYear, MAX_YEAR_MESSAGE)

/**
 * An ISO instant with its offset, from MIN_YEAR to MAX_YEAR, as a Date. Text that is no instant
 * gets that one message: the year checks would only repeat it (its "year" is no number).
 */
export const Instant = z.iso
  .datetime({ offset: true, abort: true })
  .refine(fromMinYear, MIN_YEAR_MESSAGE)
  .refine(toMaxYear, MAX_YEAR_MESSAGE)
  .transform((s) => new Date(s))

export const RangeQuery = z.object({ from: Bound.optional(), to: Bound.optional() })
export type RangeQuery = z.infer<typeof RangeQuery>

export interface TimeRange {
  from: Date
  to: Date
}

export type RangeResult = { ok: true; range: TimeRange } | { ok: false; message: string }

export function resolveRange(q: RangeQuery, timezone: string, now = new Date()): RangeResult {
  const to = q.to ? toInstant(q.to, timezone, 'end') : now
  const from = q.from
    ? toInstant(q.from, timezone, 'start')
    : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS)
  if (from >= to) return { ok: false, message: REVERSED }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    return { ok: false, message: `the range may span at most ${MAX_RANGE_DAYS} days` }
  }
  return { ok: true, range: { from, to } }
}

export const REVERSED = '`from` must be before `to`'

/** The 400 body for a range whose bounds are each valid but do not fit together. */
export const invalidRange = (message: string) =>
  errorBody('invalid_range', message, [{ path: 'query.from', message }])

/** A `from` (edge 'start') or `to` (edge 'end', a day inclusive) bound as an instant. */
export function toInstant(value: string, timezone: string, edge: 'start' | 'end'): Date {
  if (value.includes('T')) return new Date(value)
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const midnight = new TZDate(y, m - 1, d, timezone)
  return new Date((edge === 'end' ? addDays(midnight, 1) : midnight).getTime())
}
