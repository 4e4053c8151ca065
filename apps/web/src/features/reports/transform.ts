import {
  formatDay,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPercent,
  NA,
} from '../../lib/format.ts'
import type { Report, ReportFigure, ReportTable } from './queries.ts'

// How the report's figures read: one place for values, changes, targets and trends, so the page,
// the snapshot and the shared link say the same thing. Pure, tested in transform.test.ts.

type Unit = ReportTable['columns'][number]['unit']
type Verdict = NonNullable<ReportFigure['verdict']>

// Availability and SLO targets are told to hundredths of a percent (99.93%), other shares whole.
const isFine = (key: string) => /^availability|sloTarget/.test(key)

/** A value in its unit: shares as %, money in the currency, minutes as a duration. */
export function formatValue(value: number | null, unit: Unit, currency: string, key = ''): string {
  if (value === null) return NA
  switch (unit) {
    case 'share':
      return formatPercent(value, isFine(key) ? 2 : 0)
    case 'money':
      return formatMoney(value, currency)
    case 'minutes':
      return formatDuration(value)
    case 'hours':
      return `${formatNumber(value)} h`
    case 'index':
      return Number.isFinite(value) ? value.toFixed(2) : NA
    default:
      return formatNumber(value)
  }
}

/** A table cell: text as given, days as `30 Nov 2026`, numbers in the column's unit. */
export function formatCell(
  cell: string | number | null,
  unit: Unit,
  currency: string,
  key: string,
): string {
  if (cell === null) return NA
  if (typeof cell === 'string') return unit === 'day' ? formatDay(cell) : cell
  return formatValue(cell, unit, currency, key)
}

export interface FigureChange {
  /** ▲ up, ▼ down, = unchanged; none when there is nothing to compare. */
  arrow: '▲' | '▼' | '=' | ''
  text: string
  /** Said in words too, so the verdict is not colour alone. */
  verdict: Verdict | null
  verdictText: string
}

/** The change on the previous period: "▼ 0.03 pts vs October 2026" (worse). */
export function figureChange(f: ReportFigure, currency: string, previous: string): FigureChange {
  const verdict = f.verdict
  const verdictText = verdict === 'better' || verdict === 'worse' ? verdict : ''
  if (f.delta === null) {
    const text = f.value === null ? 'No figure this period' : `No figure for ${previous}`
    return { arrow: '', text, verdict: null, verdictText: '' }
  }
  if (f.delta === 0 || verdict === 'same') {
    return { arrow: '=', text: `No change vs ${previous}`, verdict, verdictText: '' }
  }
  const size = Math.abs(f.delta)
  const amount =
    f.unit === 'share'
      ? `${points(size, isFine(f.key) ? 2 : 1)} pts`
      : formatValue(size, f.unit, currency, f.key)
  const relative =
    f.relative === null
      ? ''
      : ` (${f.relative > 0 ? '+' : '−'}${formatPercent(Math.abs(f.relative))})`
  const arrow = f.delta > 0 ? '▲' : '▼'
  return { arrow, text: `${amount}${relative} vs ${previous}`, verdict, verdictText }
}

// Never "0 pts" for a change that happened.
function points(size: number, decimals: number): string {
  const shown = size.toFixed(decimals)
  return Number(shown) === 0 ? `< ${(10 ** -decimals).toFixed(decimals)}` : shown
}

export interface FigureTarget {
  text: string
  /** Met or missed; null when the figure has no value to judge. */
  met: boolean | null
}

/** "Target: at least 99.90%", and whether it was met; null without a target. */
export function figureTarget(f: ReportFigure, currency: string): FigureTarget | null {
  if (f.target === null || f.targetKind === null) return null
  const side = f.targetKind === 'min' ? 'at least' : 'at most'
  return {
    text: `Target: ${side} ${formatValue(f.target, f.unit, currency, f.key)}`,
    met: f.onTarget,
  }
}

export interface TrendPoint {
  label: string
  value: number | null
}

/** The figure's values over the report's trend periods, oldest first, named by period. */
export function trendPoints(report: Pick<Report, 'trend'>, f: ReportFigure): TrendPoint[] {
  return report.trend.map((p, i) => ({ label: p.label, value: f.trend[i] ?? null }))
}

/** Worth drawing: at least two periods with a value. */
export const hasTrend = (points: readonly TrendPoint[]) =>
  points.filter((p) => p.value !== null).length >= 2

/** The sparkline's text alternative: every period's value in words. */
export function trendSummary(
  points: readonly TrendPoint[],
  f: ReportFigure,
  currency: string,
): string {
  const values = points.map((p) => `${p.label} ${formatValue(p.value, f.unit, currency, f.key)}`)
  return `${f.label} by period: ${values.join(', ')}`
}

const PLURALS = { week: 'weeks', month: 'months', quarter: 'quarters', custom: 'periods' } as const

/** What the trend spans: "6 months". */
export function trendSpan(report: Pick<Report, 'trend' | 'period'>): string {
  return `${report.trend.length} ${PLURALS[report.period.kind]}`
}
