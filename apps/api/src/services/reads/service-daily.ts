import type { Database } from '@opsdeck/db'
import { sloAttainment } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import type { Organisation } from '../../lib/organisation.ts'
import { NO_COUNTS, uptimeOver } from './figures.ts'
import { lastLocalDays } from './local-days.ts'
import { dailyCounts, type ServiceDetailRow } from './queries.ts'
import type { ServiceDaily } from './schemas.ts'
import { inDailyZone } from './window-sql.ts'

/** The last `count` local days of a service, oldest first, from the daily rollups. */
export async function serviceDaily(
  db: Kysely<Database>,
  s: Pick<ServiceDetailRow, 'id' | 'slug' | 'sloTarget' | 'sloWindowDays' | 'checkIntervalSeconds'>,
  count: number,
  org: Organisation,
  now: Date,
): Promise<ServiceDaily> {
  const { days, rows, zone } = await inDailyZone(org.dailyRollupTimezone, async (zone) => {
    const days = lastLocalDays(now, zone, count)
    const read = await dailyCounts(db, [s.id], days)
    return {
      result: { days, rows: read.byService.get(s.id), zone },
      seen: [read.dailyZone],
    }
  })
  return {
    slug: s.slug,
    timezone: zone,
    slo: { target: s.sloTarget, windowDays: s.sloWindowDays },
    days: days.map((d, i) => {
      const counts = rows?.[i] ?? NO_COUNTS
      const u = uptimeOver(counts, d, s.checkIntervalSeconds, now)
      return {
        day: d.day,
        counts,
        uptime: u.uptime,
        coverage: u.coverage,
        metSlo: sloAttainment(u.uptime, s.sloTarget)?.met ?? null,
      }
    }),
  }
}
