import { uptime } from '@opsdeck/kpi'
import type { TimeRange } from '../../lib/range.ts'
import { type Counts, NO_COUNTS } from './figures.ts'
import type { LocalDay } from './local-days.ts'

/** The uptime of each day (null: no data), oldest first. */
export const stripOf = (counts: readonly Counts[] | undefined, days: readonly LocalDay[]) =>
  days.map((_, i) => uptime(counts?.[i] ?? NO_COUNTS).uptime)

/** The positions [first, end) of the days that lie wholly inside `span`. */
export function daysWithin(days: readonly LocalDay[], span: TimeRange): [number, number] {
  const first = days.findIndex((d) => d.from >= span.from)
  if (first < 0) return [0, 0]
  let end = first
  while (end < days.length && days[end]!.to <= span.to) end++
  return [first, end]
}

/** The counts of the days at positions [first, end), added up. */
export function sumOfDays(counts: readonly Counts[] | undefined, [first, end]: [number, number]) {
  const sum = { ...NO_COUNTS }
  for (let i = first; i < end; i++) {
    const c = counts?.[i]
    if (!c) continue
    sum.up += c.up
    sum.degraded += c.degraded
    sum.down += c.down
    sum.maintenance += c.maintenance
  }
  return sum
}
