import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { budgetOf } from './figures.ts'
import type { ServiceDetailRow } from './queries.ts'
import type { ServiceSeries } from './schemas.ts'
import { downSeries } from './series-queries.ts'

const HOUR_MS = 3_600_000

/**
 * The error budget left at the end of each bucket of the rolling SLO window ending now (hourly
 * rollups: the window starts at the top of its first hour), from the allowed minutes at its start
 * down by each bucket's downtime; with the burn rate and projected exhaustion over the window.
 */
export async function burnDown(
  db: Kysely<Database>,
  s: Pick<ServiceDetailRow, 'id' | 'sloTarget' | 'sloWindowDays' | 'checkIntervalSeconds'>,
  now: Date,
): Promise<ServiceSeries['budget']> {
  const windowMinutes = s.sloWindowDays * 1440
  // 30 days of hours is 720 points; 90 days in 3-hour buckets is 720 too.
  const step = (s.sloWindowDays > 41 ? 3 : 1) * HOUR_MS
  const from = new Date(Math.floor((now.getTime() - windowMinutes * 60_000) / HOUR_MS) * HOUR_MS)
  const rows = await downSeries(db, s.id, { from, to: now }, step / 1000)
  const downByK = new Map(rows.map((r) => [Number(r.k), r.down]))
  // With no sample in scope over the window, nothing was observed: no points, n/a figures.
  const counted = rows.reduce((n, r) => n + r.counted, 0)
  const budget = (down: number) =>
    budgetOf({
      target: s.sloTarget,
      windowMinutes,
      elapsedMinutes: windowMinutes,
      down,
      counted,
      intervalSeconds: s.checkIntervalSeconds,
      now,
    })
  const points: ServiceSeries['budget']['points'] = []
  const point = (at: Date, b: ReturnType<typeof budget>) => {
    if (b.remainingMinutes === null) return
    points.push({
      at: at.toISOString(),
      remainingMinutes: b.remainingMinutes,
      remainingShare: b.remainingShare,
    })
  }
  point(from, budget(0))
  let down = 0
  const k0 = Math.floor(from.getTime() / step)
  for (let k = k0; k * step < now.getTime(); k++) {
    down += downByK.get(k) ?? 0
    const b = budget(down)
    point(new Date(Math.min((k + 1) * step, now.getTime())), b)
  }
  const total = budget(down)
  return {
    from: from.toISOString(),
    to: now.toISOString(),
    bucketSeconds: step / 1000,
    allowedMinutes: total.allowedMinutes,
    points,
    burnRate: total.burnRate,
    exhaustsAt: total.exhaustsAt,
  }
}
