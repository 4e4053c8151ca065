import { formatNumber, formatPercent } from '../../lib/format.ts'
import type { CapacitySummary, RunChange } from './queries.ts'

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

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric' })

/** `2026-11` as `Nov 2026`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return y && m ? monthFormat.format(new Date(y, m - 1, 1)) : month
}

/** Run vs change by month, for the stacked bars: run/BAU, support, incidents, then project. */
export function runChangeRows(months: RunChange['months']) {
  return months.map((m) => ({
    month: m.month,
    label: monthLabel(m.month),
    run: m.runHours,
    support: m.supportHours,
    incidents: m.incidentHours,
    project: m.projectHours,
    runShare: m.runShare,
  }))
}
export type RunChangeRow = ReturnType<typeof runChangeRows>[number]

/** The chart in words: the range's split, then each month's. */
export function runChangeSummary(data: Pick<RunChange, 'months' | 'total'>): string {
  const { total } = data
  const month = (m: RunChange['months'][number]) =>
    `${monthLabel(m.month)}: run ${formatNumber(m.run)} h (${formatPercent(m.runShare)}), change ${formatNumber(m.change)} h`
  return (
    `Run (run/BAU ${formatNumber(total.runHours)} h, support ${formatNumber(total.supportHours)} h, incidents ${formatNumber(total.incidentHours)} h) ` +
    `${formatNumber(total.run)} h, ${formatPercent(total.runShare)}; change (projects) ${formatNumber(total.change)} h, ${formatPercent(total.changeShare)}. ` +
    `By month: ${data.months.map(month).join('; ')}.`
  )
}
