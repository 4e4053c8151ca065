import type { Database } from '@opsdeck/db'
import { sloAttainment, uptime } from '@opsdeck/kpi'
import { type Kysely, sql } from 'kysely'
import type { TimeRange } from '../lib/range.ts'
import { rollupSpans } from '../lib/rollup-spans.ts'

export type ServiceStatus = 'up' | 'degraded' | 'down' | 'maintenance' | 'unknown'

// A service whose newest sample is older than this many check intervals (and 5 minutes) has no
// current status: we say "unknown" rather than repeat a stale "up".
const STALE_INTERVALS = 3

/** Per service: its status now and its sample counts over the range, summed in SQL from rollups. */
export async function listServiceHealth(
  db: Kysely<Database>,
  range: TimeRange,
  timezone: string,
  now: Date,
) {
  const { daily, hourlyBefore, hourlyAfter } = rollupSpans(range, timezone)
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
  }>`
    SELECT s.id, s.tier, s.slo_target, s.check_interval_seconds AS interval_seconds,
      CASE WHEN latest.in_maintenance THEN 'maintenance' ELSE coalesce(latest.status, 'unknown') END
        AS status,
      coalesce(r.up, 0)::int AS up, coalesce(r.degraded, 0)::int AS degraded,
      coalesce(r.down, 0)::int AS down, coalesce(r.maintenance, 0)::int AS maintenance
    FROM services s
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

type ServiceHealth = Awaited<ReturnType<typeof listServiceHealth>>[number]

export function summariseServices(rows: ServiceHealth[], range: TimeRange, now: Date) {
  const byStatus: Record<ServiceStatus, number> = {
    up: 0,
    degraded: 0,
    down: 0,
    maintenance: 0,
    unknown: 0,
  }
  for (const r of rows) byStatus[r.status] += 1
  // Samples expected only for the part of the range that has happened.
  const elapsedSeconds = Math.max(
    0,
    (Math.min(range.to.getTime(), now.getTime()) - range.from.getTime()) / 1000,
  )

  const tiers = [1, 2, 3].map((tier) => {
    const inTier = rows.filter((r) => r.tier === tier)
    const perService = inTier.map((r) => ({
      row: r,
      result: uptime({ ...r, expected: elapsedSeconds / r.intervalSeconds }),
    }))
    const pooled = uptime({
      up: sum(inTier, 'up'),
      degraded: sum(inTier, 'degraded'),
      down: sum(inTier, 'down'),
      maintenance: sum(inTier, 'maintenance'),
      expected: inTier.reduce((n, r) => n + elapsedSeconds / r.intervalSeconds, 0),
    })
    const attainment = perService.map((s) => sloAttainment(s.result.uptime, s.row.sloTarget))
    const targets = inTier.map((r) => r.sloTarget)
    return {
      tier,
      services: inTier.length,
      uptime: pooled.uptime,
      coverage: pooled.coverage,
      sloTargetMin: targets.length ? Math.min(...targets) : null,
      sloTargetMax: targets.length ? Math.max(...targets) : null,
      meetingSlo: attainment.filter((a) => a?.met === true).length,
      breachingSlo: attainment.filter((a) => a?.met === false).length,
      noData: attainment.filter((a) => a === null).length,
    }
  })
  return { total: rows.length, byStatus, byTier: tiers.filter((t) => t.services > 0) }
}

function sum<K extends 'up' | 'degraded' | 'down' | 'maintenance'>(rows: ServiceHealth[], key: K) {
  return rows.reduce((n, r) => n + r[key], 0)
}
