import { SEVERITIES, type Severity } from '@opsdeck/contract'
import { formatDuration, formatInstant, formatNumber, formatPercent } from '../../lib/format.ts'
import type { IncidentMetrics } from './queries.ts'

// The analytics view's shaping: GET /incidents/metrics as chart series (months in order, a month
// without a figure a gap, never 0), table rows in words, and each chart's summary for readers who
// cannot see it. Pure, so the arithmetic is tested without rendering SVG.

type Month = IncidentMetrics['byMonth'][number]
type Durations = IncidentMetrics['mtta']

const monthFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/** `2026-11` as `Nov 2026`: a calendar month, so no time zone may shift it. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number)
  if (!y || !m) return month
  return monthFormat.format(new Date(Date.UTC(y, m - 1, 1)))
}

const byMonth = (metrics: IncidentMetrics): Month[] =>
  [...metrics.byMonth].sort((a, b) => a.month.localeCompare(b.month))

/** A duration's mean, null when nothing was measured (never 0: zero minutes is a real figure). */
const meanOf = (d: Durations): number | null => (d.count > 0 && d.mean !== null ? d.mean : null)

/** Severities with an incident in the range: the only lines and bars worth a legend entry. */
export const severitiesIn = (metrics: IncidentMetrics): Severity[] =>
  SEVERITIES.filter((s) => metrics.bySeverity[s] > 0)

/** `SEV1 1 · SEV3 2`: the range's incidents per severity, those with none left out. */
export const severityNote = (metrics: IncidentMetrics) =>
  severitiesIn(metrics)
    .map((s) => `${s} ${formatNumber(metrics.bySeverity[s])}`)
    .join(' · ')

export type CountPoint = { month: string; label: string; total: number } & Record<Severity, number>

/** Incidents started per month and severity, oldest month first; empty months are 0 (a count). */
export function monthlyCounts(metrics: IncidentMetrics): CountPoint[] {
  return byMonth(metrics).map((m) => ({
    month: m.month,
    label: monthLabel(m.month),
    total: m.incidents,
    ...severityRecord((s) => m.bySeverity[s].incidents),
  }))
}

export type ResponseKind = 'mtta' | 'mttr'
export type TrendPoint = { month: string; label: string; all: number | null } & Record<
  Severity,
  number | null
>

/** Mean MTTA or MTTR per month in minutes, overall and per severity; null where none was measured. */
export function responseTrend(metrics: IncidentMetrics, kind: ResponseKind): TrendPoint[] {
  return byMonth(metrics).map((m) => ({
    month: m.month,
    label: monthLabel(m.month),
    all: meanOf(m[kind]),
    ...severityRecord((s) => meanOf(m.bySeverity[s][kind])),
  }))
}

// Steps that read as one unit on the axis (`15m`, `2h`, `1d`), up to a month of minutes.
const STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 4320, 7200, 10080, 20160, 43200,
]

/**
 * The duration axis' ticks: from 0 to the first step at or above the highest value, at most five
 * steps, each a round duration. Only `0` when nothing was measured.
 */
export function durationTicks(points: readonly TrendPoint[]): number[] {
  const values = points.flatMap((p) => [p.all, ...SEVERITIES.map((s) => p[s])])
  const highest = Math.max(0, ...values.filter((v): v is number => v !== null))
  if (highest === 0) return [0]
  const step = STEPS.find((s) => highest / s <= 5) ?? Math.ceil(highest / 5 / 43200) * 43200
  return Array.from({ length: Math.ceil(highest / step) + 1 }, (_, i) => i * step)
}

function severityRecord<T>(value: (s: Severity) => T): Record<Severity, T> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, value(s)])) as Record<Severity, T>
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatNumber(n)} ${n === 1 ? one : many}`

const span = (points: readonly { label: string }[]) =>
  points.length === 0
    ? ''
    : points.length === 1
      ? points[0]!.label
      : `${points[0]!.label} to ${points[points.length - 1]!.label}`

/** The incidents chart in words: each month's count and its severities. */
export function countsSummary(points: readonly CountPoint[]): string {
  const months = points.map((p) => {
    if (p.total === 0) return `${p.label} none`
    const parts = SEVERITIES.filter((s) => p[s] > 0).map((s) => `${s} ${formatNumber(p[s])}`)
    return `${p.label} ${formatNumber(p.total)} (${parts.join(', ')})`
  })
  return `Incidents started per month, ${span(points)}: ${months.join('; ')}.`
}

export const RESPONSE_NAMES: Record<ResponseKind, string> = {
  mtta: 'Mean time to acknowledge',
  mttr: 'Mean time to resolve',
}

/** A trend chart in words: the overall mean per month, then each severity's measured months. */
export function trendSummary(
  points: readonly TrendPoint[],
  kind: ResponseKind,
  severities: readonly Severity[],
): string {
  const text = (v: number | null) => (v === null ? 'no data' : formatDuration(v))
  const overall = points.map((p) => `${p.label} ${text(p.all)}`).join(', ')
  const lines = severities.map((s) => {
    const measured = points.filter((p) => p[s] !== null)
    const values = measured.map((p) => `${p.label} ${text(p[s])}`).join(', ')
    return `${s}: ${values || 'no data'}.`
  })
  return [`${RESPONSE_NAMES[kind]} per month, ${span(points)}: ${overall}.`, ...lines].join(' ')
}

export interface MonthRow {
  month: string
  label: string
  incidents: string
  mtta: string
  mttr: string
  breachRate: string
}

/** The months as a table: the same figures as the charts, readable without them. */
export function monthRows(metrics: IncidentMetrics): MonthRow[] {
  return byMonth(metrics).map((m) => ({
    month: m.month,
    label: monthLabel(m.month),
    incidents: formatNumber(m.incidents),
    mtta: formatDuration(meanOf(m.mtta)),
    mttr: formatDuration(meanOf(m.mttr)),
    breachRate: formatPercent(m.slaBreachRate, 1),
  }))
}

export interface DurationFigure {
  kpi: 'mtta' | 'mttr' | 'mttd'
  label: string
  /** The mean, `1h 12m`; n/a when nothing was measured. */
  value: string
  note: string
}

const MEASURED: Record<DurationFigure['kpi'], [string, string]> = {
  mtta: ['MTTA', 'acknowledged'],
  mttr: ['MTTR', 'resolved'],
  mttd: ['MTTD', 'with a detection time'],
}

/** MTTA, MTTR and MTTD: the mean as the figure, the median, p90 and how many were measured. */
export function durationFigures(metrics: IncidentMetrics): DurationFigure[] {
  return (['mtta', 'mttr', 'mttd'] as const).map((kpi) => {
    const d = metrics[kpi]
    const [label, measured] = MEASURED[kpi]
    const value = formatDuration(meanOf(d))
    if (d.count === 0) return { kpi, label, value, note: `mean; none ${measured} yet` }
    return {
      kpi,
      label,
      value,
      note: `mean · median ${formatDuration(d.median)} · p90 ${formatDuration(d.p90)} · over ${formatNumber(d.count)} ${measured}`,
    }
  })
}

/** `25%` of 4 incidents with a known outcome, or why there is no rate yet. */
export function breachNote(sla: IncidentMetrics['sla']): string {
  const known = sla.breached + sla.met
  if (known === 0) return 'no outcome known yet'
  return `${formatNumber(sla.breached)} of ${plural(known, 'incident')} with a known outcome`
}

export interface ServiceRow {
  slug: string
  name: string
  team: string
  incidents: string
  downtime: string
  budget: string
  /** Its incidents consumed more than the whole error budget. */
  overBudget: boolean
  mtbf: string
}

/** Incidents by service, in the API's order (most incidents first). */
export function serviceRows(metrics: IncidentMetrics): ServiceRow[] {
  return metrics.byService.map((s) => ({
    slug: s.slug,
    name: s.name,
    team: s.team?.name ?? 'none',
    incidents: formatNumber(s.incidents),
    downtime: formatDuration(s.downtimeMinutes),
    budget: formatPercent(s.budgetShare, 1),
    overBudget: (s.budgetShare ?? 0) > 1,
    mtbf: formatDuration(s.mtbfMinutes),
  }))
}

export interface RepeatRow {
  ref: string
  title: string
  severity: Severity
  started: string
  services: string
}

/** The repeat incidents, oldest first, their services by name where the answer names them. */
export function repeatRows(metrics: IncidentMetrics): RepeatRow[] {
  const names = serviceNames(metrics)
  return metrics.repeats.incidents.map((r) => ({
    ref: r.ref,
    title: r.title,
    severity: r.severity,
    started: formatInstant(r.startedAt),
    services: r.services.map((slug) => names.get(slug) ?? slug).join(', '),
  }))
}

function serviceNames(metrics: IncidentMetrics) {
  const names = new Map(metrics.byService.map((s) => [s.slug, s.name]))
  for (const i of metrics.downtime.incidents) for (const s of i.services) names.set(s.slug, s.name)
  return names
}

/** The repeat count's note: `of 5 incidents (20.0%), within 30 days`. */
export function repeatNote(repeats: IncidentMetrics['repeats'], incidents: number): string {
  return `of ${plural(incidents, 'incident')} (${formatPercent(repeats.share, 1)}), within ${repeats.windowDays} days`
}

export interface DowntimeRow {
  ref: string
  title: string
  severity: Severity
  downtime: string
  /** Read from whole hours: the window is older than the raw samples kept. */
  approximate: boolean
  /** `Payroll 1h 5m (221.1% of its budget)` per service. */
  services: string
}

/** The incidents that caused downtime, most first, at most `limit` of them. */
export function downtimeRows(metrics: IncidentMetrics, limit: number): DowntimeRow[] {
  return metrics.downtime.incidents
    .filter((i) => i.downtimeMinutes > 0)
    .slice(0, limit)
    .map((i) => ({
      ref: i.ref,
      title: i.title,
      severity: i.severity,
      downtime: formatDuration(i.downtimeMinutes),
      approximate: !i.exact,
      services: i.services
        .filter((s) => s.downtimeMinutes > 0)
        .map(
          (s) => `${s.name} ${formatDuration(s.downtimeMinutes)} (${budgetWords(s.budgetShare)})`,
        )
        .join(', '),
    }))
}

/** How many incidents caused any downtime: the table's rows before the limit. */
export const downtimeCount = (metrics: IncidentMetrics) =>
  metrics.downtime.incidents.filter((i) => i.downtimeMinutes > 0).length

const budgetWords = (share: number | null) =>
  share === null ? 'no error budget' : `${formatPercent(share, 1)} of its budget`
