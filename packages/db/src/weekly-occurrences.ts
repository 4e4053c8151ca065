import { tzOffset } from '@date-fns/tz'
import { addDays, isoDow, localDay } from './seed/time.ts'

/** A weekly window as maintenance_schedules holds it: local days and a local wall-clock start. */
export interface WeeklySchedule {
  /** Monday 1 … Sunday 7. */
  isoWeekday: number
  /** 'HH:MM' or 'HH:MM:SS' on the zone's clock. */
  localStart: string
  durationMinutes: number
  /** IANA. */
  timezone: string
  /** The first and last local days an occurrence may start on ('YYYY-MM-DD'; endsOn inclusive). */
  startsOn: string
  endsOn: string | null
}

export interface Occurrence {
  startsAt: Date
  endsAt: Date
}

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

/**
 * The instant a local wall-clock time happens in `timezone`. Where a clock change makes that
 * time missing or twice, the rule is iCalendar's (RFC 5545) and JavaScript Temporal's
 * 'compatible' one:
 * - in a spring-forward gap it moves on by the gap: 01:30 on 29 March 2026 in London, which the
 *   clocks skip, is 02:30 BST (01:30 UTC);
 * - in a fall-back hour it is the first of the two: 01:30 on 25 October 2026 in London is
 *   01:30 BST (00:30 UTC), not 01:30 GMT an hour later.
 */
export function wallClockInstant(day: string, time: string, timezone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const [hh, mm, ss = 0] = time.split(':').map(Number) as [number, number, number?]
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss)
  // The zone's offsets a day either side: equal unless the clocks change in between.
  const before = tzOffset(timezone, new Date(wall - DAY_MS))
  const after = tzOffset(timezone, new Date(wall + DAY_MS))
  const valid = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((at) => wall - tzOffset(timezone, new Date(at)) * MINUTE_MS === at)
  // None valid: the time is in a gap, read with the offset before it.
  if (valid.length === 0) return new Date(wall - before * MINUTE_MS)
  return new Date(Math.min(...valid))
}

/**
 * The schedule's occurrences that start in [from, to), in order. Each starts at the local time
 * on its local day (see wallClockInstant) and lasts durationMinutes of elapsed time, so a
 * window running through a clock change is still exactly that long.
 */
export function weeklyOccurrences(schedule: WeeklySchedule, from: Date, to: Date): Occurrence[] {
  const { timezone, startsOn, endsOn } = schedule
  // A day of slack either side: the local days around the bounds, whatever the offset.
  let first = addDays(localDay(from, timezone), -1)
  if (first < startsOn) first = startsOn
  let last = addDays(localDay(to, timezone), 1)
  if (endsOn !== null && endsOn < last) last = endsOn
  const out: Occurrence[] = []
  for (
    let day = addDays(first, (schedule.isoWeekday - isoDow(first) + 7) % 7);
    day <= last;
    day = addDays(day, 7)
  ) {
    const startsAt = wallClockInstant(day, schedule.localStart, timezone)
    if (startsAt < from || startsAt >= to) continue
    const endsAt = new Date(startsAt.getTime() + schedule.durationMinutes * MINUTE_MS)
    out.push({ startsAt, endsAt })
  }
  return out
}
