import type { Database } from '@opsdeck/db'
import { sloAttainment, tierSloHealth, uptime } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import type { Scope } from '../lib/scope.ts'
import type { ServicesSummary } from './schemas.ts'
import { listServiceHealth, type ServiceHealth, type ServiceStatus } from './queries.ts'

const TIERS = [1, 2, 3] as const

/** Services now and over the range: counts by status, and uptime against SLO per tier. */
export async function servicesSummary(
  db: Kysely<Database>,
  { range, now, org }: Scope,
): Promise<ServicesSummary> {
  // The range is in the organisation's zone; the daily rollups may still hold another's days.
  const rows = await listServiceHealth(db, range, org.dailyRollupTimezone, now)
  const byStatus: Record<ServiceStatus, number> = {
    up: 0,
    degraded: 0,
    down: 0,
    maintenance: 0,
    unknown: 0,
  }
  for (const r of rows) byStatus[r.status] += 1
  // Samples are expected only for the part of the range that has happened.
  const elapsedSeconds = Math.max(
    0,
    (Math.min(range.to.getTime(), now.getTime()) - range.from.getTime()) / 1000,
  )
  const byTier = TIERS.map((tier) => tierSummary(tier, rows, elapsedSeconds)).filter(
    (t) => t.services > 0,
  )
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    total: rows.length,
    byStatus,
    byTier,
  }
}

function tierSummary(tier: number, rows: readonly ServiceHealth[], elapsedSeconds: number) {
  const inTier = rows.filter((r) => r.tier === tier)
  const expected = (r: ServiceHealth) => elapsedSeconds / r.intervalSeconds
  const attainment = inTier.map((r) =>
    sloAttainment(uptime({ ...r, expected: expected(r) }).uptime, r.sloTarget),
  )
  // Pooled: the tier's samples together, not the mean of its services' ratios.
  const pooled = uptime({
    up: sum(inTier, (r) => r.up),
    degraded: sum(inTier, (r) => r.degraded),
    down: sum(inTier, (r) => r.down),
    maintenance: sum(inTier, (r) => r.maintenance),
    expected: sum(inTier, expected),
  })
  const meetingSlo = attainment.filter((a) => a?.met === true).length
  const breachingSlo = attainment.filter((a) => a?.met === false).length
  const targets = inTier.map((r) => r.sloTarget)
  const sloTargetMin = targets.length ? Math.min(...targets) : null
  const sloTargetMax = targets.length ? Math.max(...targets) : null
  return {
    tier,
    services: inTier.length,
    uptime: pooled.uptime,
    coverage: pooled.coverage,
    sloTargetMin,
    sloTargetMax,
    health: tierSloHealth({ meeting: meetingSlo, breaching: breachingSlo }),
    meetingSlo,
    breachingSlo,
    noData: attainment.filter((a) => a === null).length,
  }
}

const sum = <T>(rows: readonly T[], value: (row: T) => number) =>
  rows.reduce((n, r) => n + value(r), 0)
