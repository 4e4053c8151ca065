import { formatPercent } from '../../lib/format.ts'
import type { Overview } from './queries.ts'

// Pure shaping of the API's overview for tiles and charts; no formatting of figures except where
// a label is the point (SLO target ranges). Nulls stay null: the components render them as n/a.
type Services = Overview['services']
type Tier = Services['byTier'][number]
type Team = Overview['capacity']['teams'][number]

const STATUSES = [
  ['up', 'Up'],
  ['degraded', 'Degraded'],
  ['down', 'Down'],
  ['maintenance', 'Maintenance'],
  ['unknown', 'Unknown'],
] as const
export type ServiceStatus = (typeof STATUSES)[number][0]

export function statusCounts(byStatus: Services['byStatus']) {
  return STATUSES.map(([status, label]) => ({ status, label, count: byStatus[status] }))
}

export type TierHealth = 'meeting' | 'partly' | 'breaching' | 'no-data'

// The tier's pooled uptime against its targets: above the strictest, between the loosest and the
// strictest (some services' targets met), or below all. Per-service breaches are counted apart.
const tierHealth = (t: Tier): TierHealth => {
  if (t.uptime === null || t.sloTargetMin === null || t.sloTargetMax === null) return 'no-data'
  if (t.uptime >= t.sloTargetMax) return 'meeting'
  return t.uptime >= t.sloTargetMin ? 'partly' : 'breaching'
}

export function tierRows(byTier: readonly Tier[]) {
  return [...byTier]
    .sort((a, b) => a.tier - b.tier)
    .map((t) => ({
      ...t,
      label: `Tier ${t.tier}`,
      target: sloTargetLabel(t.sloTargetMin, t.sloTargetMax),
      health: tierHealth(t),
    }))
}
export type TierRow = ReturnType<typeof tierRows>[number]

/** `99.9%` when every service in the tier shares a target, `99.5–99.95%` when they differ. */
export function sloTargetLabel(min: number | null, max: number | null): string {
  if (min === null || max === null) return formatPercent(null)
  const show = (v: number) => formatPercent(v, decimalsFor(v)).replace('%', '')
  return min === max ? `${show(min)}%` : `${show(min)}–${show(max)}%`
}

// 99.9 needs one decimal, 99.95 two; never more than three.
const decimalsFor = (ratio: number) => {
  for (let d = 0; d < 3; d++)
    if (Math.abs(Math.round(ratio * 100 * 10 ** d) - ratio * 100 * 10 ** d) < 1e-6) return d
  return 3
}

/** Tier bars in percent: pooled uptime beside the strictest SLO target in the tier. */
export function tierChartData(rows: readonly TierRow[]) {
  return rows.map((r) => ({
    label: r.label,
    uptime: r.uptime === null ? null : r.uptime * 100,
    target: r.sloTargetMax === null ? null : r.sloTargetMax * 100,
    health: r.health,
  }))
}

const FLOORS = [99.9, 99.5, 99, 98, 95, 90, 80, 50, 0]

/**
 * Uptimes sit within a percent of 100, so a 0–100 axis shows identical bars. The axis starts at
 * the highest round floor clearly below every value, and the chart says so.
 */
export function uptimeDomain(
  data: readonly { uptime: number | null; target: number | null }[],
): [number, number] {
  const values = data.flatMap((d) => [d.uptime, d.target]).filter((v): v is number => v !== null)
  if (values.length === 0) return [0, 100]
  const lowest = Math.min(...values)
  const margin = Math.max((100 - lowest) * 0.25, 0.02)
  return [FLOORS.find((f) => f <= lowest - margin) ?? 0, 100]
}

const SEVERITIES = [
  ['SEV1', 'Critical'],
  ['SEV2', 'Major'],
  ['SEV3', 'Minor'],
  ['SEV4', 'Low'],
] as const

export function severityCounts(open: Overview['incidents']['open']) {
  return SEVERITIES.map(([severity, label]) => ({ severity, label, count: open[severity] }))
}

export function ragCounts(rag: Overview['budgets']['rag']) {
  return (
    [
      ['red', 'Red'],
      ['amber', 'Amber'],
      ['green', 'Green'],
      ['grey', 'Not rated'],
    ] as const
  ).map(([status, label]) => ({ status, label, count: rag[status] }))
}

/** Spend to date and the forecast as shares of the budget; n/a without a budget. */
export function budgetShares(b: Pick<Overview['budgets'], 'bac' | 'ac' | 'eac' | 'vac'>) {
  return {
    spent: share(b.ac, b.bac),
    forecast: share(b.eac, b.bac),
    overrun: b.vac < 0,
  }
}

export type UtilizationLevel = 'over' | 'high' | 'ok' | 'low' | 'no-data'

export function utilizationLevel(u: number | null): UtilizationLevel {
  if (u === null) return 'no-data'
  if (u > 1) return 'over'
  if (u >= 0.9) return 'high'
  return u >= 0.5 ? 'ok' : 'low'
}

/** Teams busiest first (teams without capacity last), with utilization in percent for the chart. */
export function capacityRows(teams: readonly Team[]) {
  return [...teams]
    .sort((a, b) => (b.utilization ?? -1) - (a.utilization ?? -1) || a.name.localeCompare(b.name))
    .map((t) => ({
      ...t,
      utilizationPct: t.utilization === null ? null : Math.round(t.utilization * 1000) / 10,
      level: utilizationLevel(t.utilization),
    }))
}
export type CapacityRow = ReturnType<typeof capacityRows>[number]

/** All teams together: utilization of the sums, not the mean of the teams' ratios. */
export function capacitySummary(teams: readonly Team[]) {
  const sum = (key: 'people' | 'allocatedHours' | 'effectiveHours' | 'overAllocatedPeople') =>
    teams.reduce((n, t) => n + t[key], 0)
  return {
    people: sum('people'),
    allocatedHours: sum('allocatedHours'),
    effectiveHours: sum('effectiveHours'),
    overAllocatedPeople: sum('overAllocatedPeople'),
    utilization: share(sum('allocatedHours'), sum('effectiveHours')),
  }
}

/** Utilization axis: always shows the 100% line with headroom, wider when a team is far over. */
export function utilizationDomain(
  rows: readonly { utilizationPct: number | null }[],
): [number, number] {
  const highest = Math.max(0, ...rows.map((r) => r.utilizationPct ?? 0))
  return [0, Math.max(120, Math.ceil(highest / 20) * 20)]
}

export function isEmptyOverview(o: Overview): boolean {
  return (
    o.services.total === 0 &&
    o.budgets.projects === 0 &&
    o.capacity.teams.length === 0 &&
    o.incidents.open.total === 0 &&
    o.incidents.startedInRange === 0
  )
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null)

/** Uptime near the top needs three decimals to tell 99.95% from 99.999%; below that two do. */
export const uptimeDecimals = (u: number | null) => (u !== null && u >= 0.999 ? 3 : 2)
