import { TZDate } from '@date-fns/tz'
import { format, startOfISOWeek } from 'date-fns'
import type { TimeRange } from './range.ts'

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
