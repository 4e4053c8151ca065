import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { ServiceStatus } from './queries.ts'
import { rollupSpans } from './rollup-spans.ts'

const DAY_MS = 86_400_000
// As listServiceHealth: a newest sample older than three intervals (and 5 min) is no status.
const STALE_INTERVALS = 3
// services.check_interval_seconds is at most 3,600 (its CHECK).
const MAX_INTERVAL_MS = 3_600_000
// A re-label of the daily rollups takes seconds at least: two between two reads do not happen.
const MAX_ATTEMPTS = 3
// The down-run and newest-sample lookups read this far back at first, bounded by a literal, so
// that the planner leaves out all but the last partitions (planning ~120 of them took longer
// than the reads); the few services whose answer lies further back are looked up again.
const LOOKBACK_MS = DAY_MS

/**
 * Per live service (not archived): its status now, since when it has been down (the first sample
 * of the current run of down samples), its newest sample when it has no status, and its sample
 * counts over its own rolling SLO window ending now, summed in SQL from the rollups. Read for the
 * "needs attention" items; `dailyZone` is the zone of the daily rollups, as in listServiceHealth.
 */
export async function listServiceAttentionFacts(
  db: Kysely<Database>,
  now: Date,
  dailyZone: string,
) {
  const windows = await db
    .selectFrom('services')
    .where('archivedAt', 'is', null)
    .select('sloWindowDays')
    .distinct()
    .execute()
  if (windows.length === 0) return []
  let zone = dailyZone
  for (let attempt = 1; ; attempt++) {
    const days = windows.map((w) => w.sloWindowDays)
    const rows = await withOlderSamples(db, now, await factRows(db, now, zone, days))
    const seen = rows.find((r) => r.dailyZone !== zone)?.dailyZone
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- checked, not returned
    if (seen === undefined) return rows.map(({ dailyZone, lastOkAt, ...facts }) => facts)
    if (attempt === MAX_ATTEMPTS) throw new Error('the daily rollups kept changing zone')
    zone = seen
  }
}

async function factRows(db: Kysely<Database>, now: Date, zone: string, windowDays: number[]) {
  const lookback = new Date(now.getTime() - LOOKBACK_MS)
  // Each SLO window length's rolling window ending now, split into whole local days (daily
  // rollups) and the hours at its edges (hourly rollups).
  const spans = windowDays.map((days) => {
    const s = rollupSpans({ from: new Date(now.getTime() - days * DAY_MS), to: now }, zone)
    return sql`(${days}::int, ${s.daily.from}::timestamptz, ${s.daily.to}::timestamptz,
      ${s.hourlyBefore.from}::timestamptz, ${s.hourlyBefore.to}::timestamptz,
      ${s.hourlyAfter.from}::timestamptz, ${s.hourlyAfter.to}::timestamptz)`
  })
  const { rows } = await sql<{
    id: number
    slug: string
    name: string
    checkEnabled: boolean
    sloTarget: number
    sloWindowDays: number
    intervalSeconds: number
    status: ServiceStatus
    downSince: Date | null
    lastOkAt: Date | null
    lastSampleAt: Date | null
    up: number
    degraded: number
    down: number
    maintenance: number
    dailyZone: string
  }>`
    WITH w (days, d_from, d_to, hb_from, hb_to, ha_from, ha_to) AS (VALUES ${sql.join(spans)}),
    -- Each window length's rollup ranges read once for every service at once (index range
    -- scans by time, then a hash join) rather than two index scans per service.
    r AS (
      SELECT x.service_id, sum(x.up) AS up, sum(x.degraded) AS degraded, sum(x.down) AS down,
        sum(x.maintenance) AS maintenance
      FROM w CROSS JOIN LATERAL (
        SELECT service_id, up, degraded, down, maintenance FROM check_rollup_daily
        WHERE bucket_start >= w.d_from AND bucket_start < w.d_to
        UNION ALL
        SELECT service_id, up, degraded, down, maintenance FROM check_rollup_hourly
        WHERE bucket_start >= w.hb_from AND bucket_start < w.hb_to
        UNION ALL
        SELECT service_id, up, degraded, down, maintenance FROM check_rollup_hourly
        WHERE bucket_start >= w.ha_from AND bucket_start < w.ha_to
      ) AS x
      JOIN services sw ON sw.id = x.service_id AND sw.slo_window_days = w.days
        AND sw.archived_at IS NULL
      GROUP BY x.service_id
    )
    SELECT s.id, s.slug, s.name, s.check_enabled, s.slo_target, s.slo_window_days,
      s.check_interval_seconds AS interval_seconds,
      CASE WHEN latest.in_maintenance THEN 'maintenance' ELSE coalesce(latest.status, 'unknown') END
        AS status,
      down_run.since AS down_since, last_ok.at AS last_ok_at, newest.at AS last_sample_at,
      coalesce(r.up, 0)::int AS up, coalesce(r.degraded, 0)::int AS degraded,
      coalesce(r.down, 0)::int AS down, coalesce(r.maintenance, 0)::int AS maintenance,
      z.daily_rollup_timezone AS daily_zone
    FROM services s
    CROSS JOIN organisation_settings z
    JOIN w ON w.days = s.slo_window_days
    LEFT JOIN LATERAL (
      SELECT cs.status, cs.in_maintenance FROM check_samples cs
      WHERE cs.service_id = s.id AND cs.checked_at <= ${now}
        AND cs.checked_at > ${now}::timestamptz
          - greatest(${STALE_INTERVALS} * s.check_interval_seconds, 300) * interval '1 second'
        -- The same bound as a literal (intervals are at most an hour), so that the planner
        -- leaves out all but the last day or two of partitions.
        AND cs.checked_at > ${new Date(now.getTime() - STALE_INTERVALS * MAX_INTERVAL_MS)}
      ORDER BY cs.checked_at DESC LIMIT 1
    ) latest ON true
    -- Down now: the run started with the first sample after the newest one that was not down
    -- (up, degraded, or in maintenance). Read only for the services that are down, within the
    -- lookback (a literal: the planner leaves out older partitions); longer runs: runBefore.
    LEFT JOIN LATERAL (
      SELECT max(ok.checked_at) AS at FROM check_samples ok
      WHERE latest.status = 'down' AND NOT latest.in_maintenance
        AND ok.service_id = s.id AND ok.checked_at <= ${now} AND ok.checked_at > ${lookback}
        AND (ok.status <> 'down' OR ok.in_maintenance)
    ) last_ok ON true
    LEFT JOIN LATERAL (
      SELECT min(cs.checked_at) AS since FROM check_samples cs
      WHERE last_ok.at IS NOT NULL
        AND cs.service_id = s.id AND cs.checked_at <= ${now} AND cs.checked_at > last_ok.at
        AND cs.checked_at > ${lookback}
    ) down_run ON true
    -- No status now: when the newest sample arrived, if within the lookback (older: newestBefore).
    LEFT JOIN LATERAL (
      SELECT max(cs.checked_at) AS at FROM check_samples cs
      WHERE latest.status IS NULL AND cs.service_id = s.id AND cs.checked_at <= ${now}
        AND cs.checked_at > ${lookback}
    ) newest ON true
    LEFT JOIN r ON r.service_id = s.id
    WHERE s.archived_at IS NULL
    ORDER BY s.id
  `.execute(db)
  return rows
}

type FactRow = Awaited<ReturnType<typeof factRows>>[number]

/**
 * The down runs that began before the lookback (no sample that was not down since) and the
 * newest samples older than it, looked up without a bound for those services only.
 */
async function withOlderSamples(db: Kysely<Database>, now: Date, rows: FactRow[]) {
  const runIds = rows.filter((r) => r.status === 'down' && r.lastOkAt === null).map((r) => r.id)
  const newestIds = rows
    .filter((r) => r.status === 'unknown' && r.lastSampleAt === null)
    .map((r) => r.id)
  if (runIds.length === 0 && newestIds.length === 0) return rows
  const { rows: older } = await sql<{ id: number; downSince: Date | null; newestAt: Date | null }>`
    SELECT s.id, down_run.since AS down_since, newest.at AS newest_at
    FROM services s
    LEFT JOIN LATERAL (
      SELECT min(cs.checked_at) AS since FROM check_samples cs
      WHERE s.id = ANY(${runIds}::bigint[])
        AND cs.service_id = s.id AND cs.checked_at <= ${now}
        AND cs.checked_at > coalesce((
          SELECT max(ok.checked_at) FROM check_samples ok
          WHERE ok.service_id = s.id AND ok.checked_at <= ${now}
            AND (ok.status <> 'down' OR ok.in_maintenance)
        ), '-infinity')
    ) down_run ON true
    LEFT JOIN LATERAL (
      SELECT max(cs.checked_at) AS at FROM check_samples cs
      WHERE s.id = ANY(${newestIds}::bigint[]) AND cs.service_id = s.id AND cs.checked_at <= ${now}
    ) newest ON true
    WHERE s.id = ANY(${[...runIds, ...newestIds]}::bigint[])
  `.execute(db)
  const byId = new Map(older.map((o) => [o.id, o]))
  return rows.map((r) => {
    const o = byId.get(r.id)
    if (!o) return r
    return {
      ...r,
      downSince: runIds.includes(r.id) ? o.downSince : r.downSince,
      lastSampleAt: newestIds.includes(r.id) ? o.newestAt : r.lastSampleAt,
    }
  })
}

export type ServiceAttentionFacts = Awaited<ReturnType<typeof listServiceAttentionFacts>>[number]
