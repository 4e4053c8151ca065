import { MAX_CAPACITY_WEEKS } from '@opsdeck/contract'
import { errorBody } from '../../lib/errors.ts'
import { mondayOf, mondaysBetween, shiftDay, weekCount } from '../model/weeks.ts'

export type WeekRange =
  | { ok: true; from: string; to: string; weeks: string[] }
  | { ok: false; body: ReturnType<typeof errorBody> }

/**
 * Whole ISO weeks from `from`'s to `to`'s (a default of `back` weeks before this week to `ahead`
 * after it); refused, naming the field, when reversed or over MAX_CAPACITY_WEEKS.
 */
export function weekRange(
  q: { from?: string | undefined; to?: string | undefined },
  thisWeek: string,
  span: { back: number; ahead: number },
): WeekRange {
  const from = mondayOf(q.from ?? shiftDay(thisWeek, -7 * span.back))
  const to = shiftDay(mondayOf(q.to ?? shiftDay(thisWeek, 7 * span.ahead)), 6)
  const checked = checkSpan(q, from, to)
  return checked ?? { ok: true, from, to, weeks: mondaysBetween(from, to) }
}

/** The days `from`–`to` as given, in at most MAX_CAPACITY_WEEKS ISO weeks. */
export function checkSpan(
  q: { from?: string | undefined; to?: string | undefined },
  from: string,
  to: string,
): Extract<WeekRange, { ok: false }> | null {
  // The days as given first: from a Sunday to the Monday before it is reversed, though both fall
  // in one ISO week.
  if (from > to || (q.from !== undefined && q.to !== undefined && q.from > q.to)) {
    return refuse('query.from', '`from` must be on or before `to`')
  }
  const weeks = weekCount(from, to)
  if (weeks > MAX_CAPACITY_WEEKS) {
    return refuse(
      q.to === undefined ? 'query.from' : 'query.to',
      `the range may span at most ${MAX_CAPACITY_WEEKS} ISO weeks (it spans ${weeks})`,
    )
  }
  return null
}

function refuse(path: string, message: string) {
  return { ok: false as const, body: errorBody('invalid_range', message, [{ path, message }]) }
}
