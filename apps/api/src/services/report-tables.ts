import type { Severity } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import { type SloAttainment, uptime } from '@opsdeck/kpi'
import { type Kysely, sql } from 'kysely'
import type { TimeRange } from '../lib/range.ts'
import type { ReportTable } from '../lib/report-section.ts'
import type { ServiceHealth } from './queries.ts'

// The Service health section's tables (report.ts), and the two reads only they need.

const TIERS = [1, 2, 3] as const
const WORST = 5
const BUDGETS = 10

/** Minutes as the report shows them: to a tenth. */
export const tenth = <T extends number | null>(n: T): T =>
  (n === null ? n : Math.round(n * 10) / 10) as T

export interface ReportService extends ServiceHealth {
  name: string
  availability: number | null
  attainment: SloAttainment | null
  downtimeMinutes: number
  allowedMinutes: number
  /** Null when no sample was in scope: the budget was not observed. */
  consumedMinutes: number | null
  consumedShare: number | null
  exhausted: boolean
  incidentMinutes: number
  incidents: { refs: string[]; worstSeverity: Severity } | null
}

/** Service names by id. */
export async function listServiceNames(db: Kysely<Database>) {
  const rows = await db.selectFrom('services').select(['id', 'name']).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/**
 * Per service, the incidents that affected it during the range up to now (as downtimeByService
 * selects them): "INC-0012 (SEV1)" in start order, and the most severe ('SEV1' < 'SEV4' as text).
 */
export async function listIncidentsByService(db: Kysely<Database>, range: TimeRange, now: Date) {
  const end = new Date(Math.min(range.to.getTime(), now.getTime()))
  return db
    .selectFrom('incidents as i')
    .innerJoin('incidentServices as is', 'is.incidentId', 'i.id')
    .select([
      'is.serviceId',
      sql<string[]>`array_agg(i.ref || ' (' || i.severity || ')' ORDER BY i.started_at, i.id)`.as(
        'refs',
      ),
      sql<Severity>`min(i.severity)`.as('worstSeverity'),
    ])
    .where('i.startedAt', '<', end)
    .where((eb) => eb.or([eb('i.resolvedAt', 'is', null), eb('i.resolvedAt', '>', range.from)]))
    .groupBy('is.serviceId')
    .execute()
}

/** Per tier with services: pooled uptime (its samples together), as servicesSummary pools. */
export function tierRows(services: readonly ReportService[]) {
  return TIERS.flatMap((tier) => {
    const inTier = services.filter((s) => s.tier === tier)
    if (inTier.length === 0) return []
    const sum = (f: (s: ReportService) => number) => inTier.reduce((n, s) => n + f(s), 0)
    const pooled = uptime({
      up: sum((s) => s.up),
      degraded: sum((s) => s.degraded),
      down: sum((s) => s.down),
      maintenance: sum((s) => s.maintenance),
    })
    return [
      {
        tier,
        services: inTier.length,
        availability: pooled.uptime,
        sloTarget: Math.min(...inTier.map((s) => s.sloTarget)),
        met: inTier.filter((s) => s.attainment?.met === true).length,
        breached: inTier.filter((s) => s.attainment?.met === false).length,
        noData: inTier.filter((s) => s.attainment === null).length,
      },
    ]
  })
}

export function tiersTable(tiers: ReturnType<typeof tierRows>): ReportTable {
  return {
    key: 'tiers',
    title: 'Availability by tier',
    columns: [
      { key: 'tier', label: 'Tier', unit: 'count' },
      { key: 'services', label: 'Services', unit: 'count' },
      { key: 'availability', label: 'Availability', unit: 'share' },
      { key: 'sloTarget', label: 'Lowest SLO', unit: 'share' },
      { key: 'met', label: 'Met SLO', unit: 'count' },
      { key: 'breached', label: 'Breached SLO', unit: 'count' },
      { key: 'noData', label: 'No data', unit: 'count' },
    ],
    rows: tiers.map((t) => ({ ...t })),
    empty: 'No services',
  }
}

/** The services with data furthest below (or least above) their SLO, then by availability. */
export function worstServicesTable(services: readonly ReportService[]): ReportTable {
  const worst = services
    .flatMap((s) =>
      s.attainment && s.availability !== null
        ? [{ ...s, margin: s.attainment.margin, availability: s.availability }]
        : [],
    )
    .sort((x, y) => x.margin - y.margin || x.availability - y.availability || byName(x, y))
    .slice(0, WORST)
  return {
    key: 'worstServices',
    title: 'Lowest against their SLO',
    columns: [
      { key: 'service', label: 'Service', unit: 'text' },
      { key: 'tier', label: 'Tier', unit: 'count' },
      { key: 'availability', label: 'Availability', unit: 'share' },
      { key: 'sloTarget', label: 'SLO', unit: 'share' },
      { key: 'downtimeMinutes', label: 'Downtime', unit: 'minutes' },
      { key: 'budgetConsumed', label: 'Budget used', unit: 'share' },
    ],
    rows: worst.map((s) => ({
      service: s.name,
      tier: s.tier,
      availability: s.availability,
      sloTarget: s.sloTarget,
      downtimeMinutes: tenth(s.downtimeMinutes),
      budgetConsumed: s.consumedShare,
    })),
    empty: 'No service had data in the period',
  }
}

/** Services that spent any budget, most of it first (a 100% target's any spend first of all). */
export function errorBudgetsTable(services: readonly ReportService[]): ReportTable {
  const spent = services
    .filter((s) => (s.consumedMinutes ?? 0) > 0)
    .sort(
      (x, y) =>
        (y.consumedShare ?? Infinity) - (x.consumedShare ?? Infinity) ||
        (y.consumedMinutes ?? 0) - (x.consumedMinutes ?? 0) ||
        byName(x, y),
    )
    .slice(0, BUDGETS)
  return {
    key: 'errorBudgets',
    title: 'Error budgets spent',
    columns: [
      { key: 'service', label: 'Service', unit: 'text' },
      { key: 'tier', label: 'Tier', unit: 'count' },
      { key: 'allowedMinutes', label: 'Allowed', unit: 'minutes' },
      { key: 'consumedMinutes', label: 'Used', unit: 'minutes' },
      { key: 'consumed', label: 'Used of budget', unit: 'share' },
      { key: 'incidentMinutes', label: 'During incidents', unit: 'minutes' },
      { key: 'incidents', label: 'Incidents', unit: 'text' },
      { key: 'incidentCount', label: 'Incident count', unit: 'count' },
      { key: 'worstSeverity', label: 'Worst severity', unit: 'text' },
    ],
    rows: spent.map((s) => ({
      service: s.name,
      tier: s.tier,
      allowedMinutes: tenth(s.allowedMinutes),
      consumedMinutes: tenth(s.consumedMinutes),
      consumed: s.consumedShare,
      incidentMinutes: tenth(s.incidentMinutes),
      incidents: s.incidents?.refs.join(', ') ?? null,
      incidentCount: s.incidents?.refs.length ?? 0,
      worstSeverity: s.incidents?.worstSeverity ?? null,
    })),
    empty: 'No service spent any error budget',
  }
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)
