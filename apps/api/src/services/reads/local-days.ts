import { TZDate } from '@date-fns/tz'
import { addDays, format, startOfDay } from 'date-fns'
import type { TimeRange } from '../../lib/range.ts'

export interface LocalDay {
  /** `YYYY-MM-DD` in the zone. */
  day: string
  /** Its local midnight and the next one: 23, 24 or 25 hours apart. */
  from: Date
  to: Date
}

/** The last `count` local days of `zone`, oldest first, ending with the day holding `now`. */
export function lastLocalDays(now: Date, zone: string, count: number): LocalDay[] {
  const today = startOfDay(new TZDate(now.getTime(), zone))
  return Array.from({ length: count }, (_, i) => {
    const start = addDays(today, i - (count - 1))
    return {
      day: format(start, 'yyyy-MM-dd'),
      from: new Date(start.getTime()),
      to: new Date(addDays(start, 1).getTime()),
    }
  })
}

/** From the first day's midnight to the last day's end. */
export const spanOfDays = (days: readonly LocalDay[]): TimeRange => ({
  from: days[0]?.from ?? new Date(0),
  to: days.at(-1)?.to ?? new Date(0),
})

/** The calendar month holding `now`, in `zone`. */
export function monthOf(now: Date, zone: string): TimeRange {
  const local = new TZDate(now.getTime(), zone)
  const start = new TZDate(local.getFullYear(), local.getMonth(), 1, zone)
  const end = new TZDate(local.getFullYear(), local.getMonth() + 1, 1, zone)
  return { from: new Date(start.getTime()), to: new Date(end.getTime()) }
}
