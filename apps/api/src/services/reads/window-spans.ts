import type { TimeRange } from '../../lib/range.ts'
import { rollupSpans } from '../rollup-spans.ts'

const HOUR_MS = 3_600_000

/** Where a window's samples are read from: whole local days, whole hours, raw samples. */
export interface WindowSpans {
  /** The window as counted: `from` moves to the top of its hour when the start is not exact. */
  from: Date
  to: Date
  daily: TimeRange
  hourly: TimeRange[]
  raw: TimeRange[]
}

const floorHour = (d: Date) => new Date(Math.floor(d.getTime() / HOUR_MS) * HOUR_MS)
const ceilHour = (d: Date) => new Date(Math.ceil(d.getTime() / HOUR_MS) * HOUR_MS)
const nonEmpty = (r: TimeRange) => r.from.getTime() < r.to.getTime()

/**
 * Splits a window into whole local days of `zone` (daily rollups), whole hours (hourly rollups)
 * and, when `exact`, the partial hours at either end from the raw samples, so that the window
 * starts and ends on the sample. Otherwise it starts at the top of the hour holding its start
 * (rollups resolve to hours), and an hour holding its end counts whole.
 */
export function windowSpans(range: TimeRange, zone: string, exact: boolean): WindowSpans {
  const { from, to } = range
  if (!exact) {
    const s = rollupSpans(range, zone)
    return {
      from: s.hourlyBefore.from,
      to,
      daily: s.daily,
      hourly: [s.hourlyBefore, s.hourlyAfter].filter(nonEmpty),
      raw: [],
    }
  }
  const inner = { from: ceilHour(from), to: floorHour(to) }
  if (inner.from.getTime() >= inner.to.getTime()) {
    return { from, to, daily: { from: to, to }, hourly: [], raw: [{ from, to }] }
  }
  const s = rollupSpans(inner, zone)
  return {
    from,
    to,
    daily: s.daily,
    hourly: [s.hourlyBefore, s.hourlyAfter].filter(nonEmpty),
    raw: [
      { from, to: inner.from },
      { from: inner.to, to },
    ].filter(nonEmpty),
  }
}

/** The length of a window in minutes. */
export const spanMinutes = (r: TimeRange) => (r.to.getTime() - r.from.getTime()) / 60_000
