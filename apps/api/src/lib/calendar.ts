import { TZDate } from '@date-fns/tz'
import { format, startOfISOWeek } from 'date-fns'
import type { TimeRange } from './range.ts'

const DAY_MS = 86_400_000

// Calendar days and weeks are the organisation's: a day is `YYYY-MM-DD` in its time zone.

/** The local calendar day holding an instant. */
export function localDay(at: Date, timezone: string): string {
  return format(new TZDate(at.getTime(), timezone), 'yyyy-MM-dd')
}

/** The Monday (`YYYY-MM-DD`) of the local ISO week holding an instant. */
export function isoWeekOf(at: Date, timezone: string): string {
  return format(startOfISOWeek(new TZDate(at.getTime(), timezone)), 'yyyy-MM-dd')
}

/**
 * The day figures "to date" are as of: the range's last day, but never one that has not begun
 * (a range running into the future is read as of today).
 */
export function asOfDay(range: TimeRange, now: Date, timezone: string): string {
  return localDay(new Date(Math.min(range.to.getTime() - 1, now.getTime())), timezone)
}

/**
 * The `count`th working day after `day` (not counting `day` itself): working days are Monday to
 * Friday, as capacity counts them, less the organisation's bank holidays (`YYYY-MM-DD`).
 */
export function addWorkingDays(day: string, count: number, holidays: ReadonlySet<string>): string {
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`bad count ${count}`)
  // A calendar day has no zone: walk it at UTC midnight, in whole days of milliseconds, where no
  // clock change (the process's or the organisation's) moves it.
  let at = new Date(`${day}T00:00:00Z`)
  for (let left = count; left > 0;) {
    at = new Date(at.getTime() + DAY_MS)
    const weekday = at.getUTCDay()
    if (weekday !== 0 && weekday !== 6 && !holidays.has(at.toISOString().slice(0, 10))) left -= 1
  }
  return at.toISOString().slice(0, 10)
}
