import { uptime } from '@opsdeck/kpi'
import type { TimeRange } from '../../lib/range.ts'
import { type Counts, NO_COUNTS } from './figures.ts'
import type { LocalDay } from './local-days.ts'

/** The uptime of each day (null: no data), oldest first. */
export const stripOf = (counts: readonly Counts[] | undefined, days: readonly LocalDay[]) =>
  days.map((_, i) => uptime(counts?.[i] ?? NO_COUNTS).uptime)

/** The counts of the days that lie wholly inside `span`, added up. */
export function sumOfDays(
  counts: readonly Counts[] | undefined,
  days: readonly LocalDay[],
  span: TimeRange,
): Counts {
  const sum = { ...NO_COUNTS }
  days.forEach((d, i) => {
    const c = counts?.[i]
    if (!c || d.from < span.from || d.to > span.to) return
    sum.up += c.up
    sum.degraded += c.degraded
    sum.down += c.down
    sum.maintenance += c.maintenance
  })
  return sum
}
