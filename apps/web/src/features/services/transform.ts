import { formatPercent } from '../../lib/format.ts'
import type { ServicesSummary } from './queries.ts'

// Pure shaping of the services summary for the tile and chart; no formatting of figures except
// where a label is the point (SLO target ranges). Nulls stay null: the components render n/a.
type Tier = ServicesSummary['byTier'][number]

const STATUSES = [
  ['up', 'Up'],
  ['degraded', 'Degraded'],
  ['down', 'Down'],
  ['maintenance', 'Maintenance'],
  ['unknown', 'No data'],
] as const
export type ServiceStatus = (typeof STATUSES)[number][0]

export function statusCounts(byStatus: ServicesSummary['byStatus']) {
  return STATUSES.map(([status, label]) => ({ status, label, count: byStatus[status] }))
}

/** Tiers in order, labelled; each tier's SLO health comes computed from the server. */
export function tierRows(byTier: readonly Tier[]) {
  return [...byTier]
    .sort((a, b) => a.tier - b.tier)
    .map((t) => ({
      ...t,
      label: `Tier ${t.tier}`,
      target: sloTargetLabel(t.sloTargetMin, t.sloTargetMax),
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

/** Uptime near the top needs three decimals to tell 99.95% from 99.999%; below that two do. */
export const uptimeDecimals = (u: number | null) => (u !== null && u >= 0.999 ? 3 : 2)
