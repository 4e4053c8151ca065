import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { TimeRange } from '../lib/range.ts'
import { rollupSpans } from './rollup-spans.ts'

export type ServiceStatus = 'up' | 'degraded' | 'down' | 'maintenance' | 'unknown'

// A service whose newest sample is older than this many check intervals (and 5 minutes) has no
// current status: we say "unknown" rather than repeat a stale "up".
const STALE_INTERVALS = 3

// A re-label of the daily rollups takes seconds at least: two between two reads do not happen.
const MAX_ATTEMPTS = 3

/**
 * Per service: its status now and its sample counts over the range, summed in SQL from rollups.
 * `dailyZone` is the zone whose days the daily rollups held when the caller read the settings; the
 * statement reads it again with the rollups and, should the worker have re-labelled them since,
 * runs again in the new zone, so that whole days are never taken as days of the wrong zone.
 */
export async function listServiceHealth(
  db: Kysely<Database>,
  range: TimeRange,
  dailyZone: string,
  now: Date,
) {
  let zone = dailyZone
  for (let attempt = 1; ; attempt++) {
    const rows = await healthRows(db, range, zone, now)
    const seen = rows.find((r) => r.dailyZone !== zone)?.dailyZone
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- checked, not returned
    if (seen === undefined) return rows.map(({ dailyZone, ...health }) => health)
    if (attempt === MAX_ATTEMPTS) throw new Error('the daily rollups kept changing zone')
    zone = seen
  }
}

async function healthRows(db: Kysely<Database>, range: TimeRange, zone: string, now: Date) {
  const { daily, hourlyBefore, hourlyAfter } = rollupSpans(range, zone)
  const { rows } = await sql<{
    id: number
    tier: number
    sloTarget: number
    intervalSeconds: number
    status: ServiceStatus
    up: number
    degraded: number
    down: number
    maintenance: number
    dailyZone: string
  }>`
    SELECT s.id, s.tier, s.slo_target, s.check_interval_seconds AS interval_seconds,
      CASE WHEN latest.in_maintenance THEN 'maintenance' ELSE coalesce(latest.status, 'unknown') END
        AS status,
      coalesce(r.up, 0)::int AS up, coalesce(r.degraded, 0)::int AS degraded,
      coalesce(r.down, 0)::int AS down, coalesce(r.maintenance, 0)::int AS maintenance,
      z.daily_rollup_timezone AS daily_zone
    FROM services s
    CROSS JOIN organisation_settings z
    LEFT JOIN LATERAL (
      SELECT cs.status, cs.in_maintenance FROM check_samples cs
      WHERE cs.service_id = s.id AND cs.checked_at <= ${now}
        AND cs.checked_at > ${now}::timestamptz
          - greatest(${STALE_INTERVALS} * s.check_interval_seconds, 300) * interval '1 second'
      ORDER BY cs.checked_at DESC LIMIT 1
    ) latest ON true
    LEFT JOIN (
      SELECT service_id, sum(up) AS up, sum(degraded) AS degraded, sum(down) AS down,
        sum(maintenance) AS maintenance
      FROM (
        SELECT service_id, up, degraded, down, maintenance FROM check_rollup_daily
        WHERE bucket_start >= ${daily.from} AND bucket_start < ${daily.to}
        UNION ALL
        SELECT service_id, up, degraded, down, maintenance FROM check_rollup_hourly
        WHERE (bucket_start >= ${hourlyBefore.from} AND bucket_start < ${hourlyBefore.to})
          OR (bucket_start >= ${hourlyAfter.from} AND bucket_start < ${hourlyAfter.to})
      ) AS rollups
      GROUP BY service_id
    ) r ON r.service_id = s.id
    ORDER BY s.id
  `.execute(db)
  return rows
}

export type ServiceHealth = Awaited<ReturnType<typeof listServiceHealth>>[number]

// For other areas (incident downtime against error budgets): the window sums the Services pages
// count with, one statement for many windows and services.
export { inDailyZone, windowCounts, type WindowSpec } from './reads/window-sql.ts'
export { windowSpans } from './reads/window-spans.ts'
