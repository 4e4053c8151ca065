import type { CapacitySummary } from './queries.ts'

type Team = CapacitySummary['teams'][number]

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

/** Utilization axis: always shows the 100% line with headroom, wider when a team is far over. */
export function utilizationDomain(
  rows: readonly { utilizationPct: number | null }[],
): [number, number] {
  const highest = Math.max(0, ...rows.map((r) => r.utilizationPct ?? 0))
  return [0, Math.max(120, Math.ceil(highest / 20) * 20)]
}
