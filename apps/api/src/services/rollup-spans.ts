import { TZDate } from '@date-fns/tz'
import { addDays, startOfDay } from 'date-fns'
import type { TimeRange } from '../lib/range.ts'

const HOUR_MS = 3_600_000

export interface RollupSpans {
  /** Whole local days, read from check_rollup_daily; empty when from equals to. */
  daily: TimeRange
  /** The partial days at either end, read from check_rollup_hourly. */
  hourlyBefore: TimeRange
  hourlyAfter: TimeRange
}

/**
 * Splits a range into whole local days (daily rollups: ~24× fewer rows) and the hours at its edges
 * (hourly rollups). Rollups resolve to whole hours, so a range starting mid-hour includes that hour.
 */
export function rollupSpans(range: TimeRange, timezone: string): RollupSpans {
  const from = new Date(Math.floor(range.from.getTime() / HOUR_MS) * HOUR_MS)
  const to = range.to
  const fromDay = startOfDay(new TZDate(from.getTime(), timezone))
  const firstMidnight = fromDay.getTime() === from.getTime() ? fromDay : addDays(fromDay, 1)
  const lastMidnight = startOfDay(new TZDate(to.getTime(), timezone))
  if (firstMidnight.getTime() >= lastMidnight.getTime()) {
    return { daily: empty(to), hourlyBefore: { from, to }, hourlyAfter: empty(to) }
  }
  const d0 = new Date(firstMidnight.getTime())
  const d1 = new Date(lastMidnight.getTime())
  return {
    daily: { from: d0, to: d1 },
    hourlyBefore: { from, to: d0 },
    hourlyAfter: { from: d1, to },
  }
}

const empty = (at: Date): TimeRange => ({ from: at, to: at })
