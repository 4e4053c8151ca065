import { uptime } from '@opsdeck/kpi'
import type { LocalDay } from './local-days.ts'

export interface DayArrays {
  /** Index of each row's day in the days asked for; the counts at the same position. */
  idx: number[]
  up: number[]
  degraded: number[]
  down: number[]
  maintenance: number[]
}

/** Counts of each day, zeros for a day without a row. */
export function countsByDay(entry: DayArrays | undefined, days: readonly LocalDay[]) {
  const out = days.map(() => ({ up: 0, degraded: 0, down: 0, maintenance: 0 }))
  if (!entry) return out
  entry.idx.forEach((i, k) => {
    const day = out[i]
    if (!day) return
    day.up = entry.up[k] ?? 0
    day.degraded = entry.degraded[k] ?? 0
    day.down = entry.down[k] ?? 0
    day.maintenance = entry.maintenance[k] ?? 0
  })
  return out
}

/** The uptime of each day (null: no data), oldest first. */
export const stripOf = (entry: DayArrays | undefined, days: readonly LocalDay[]) =>
  countsByDay(entry, days).map((c) => uptime(c).uptime)
