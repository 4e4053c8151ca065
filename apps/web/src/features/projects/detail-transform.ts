import {
  BUDGET_CATEGORY_LABELS,
  RAG_LABELS,
  SPEND_TYPE_LABELS,
  SPEND_TYPES,
} from '@opsdeck/contract'
import { formatDate, formatMoney, formatPercent } from '../../lib/format.ts'
import { indexText } from './portfolio-transform.ts'
import type { ProjectEvm } from './queries.ts'

// The project page's shaping: the baseline line, the charts' rows and their text summaries, the
// RAG history's order. Pure, so they are tested without rendering; the figures are the API's.

type SCurvePoint = ProjectEvm['sCurve'][number]

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `2026-03` as `Mar 2026`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number)
  const name = m ? MONTHS[m - 1] : undefined
  return y && name ? `${name} ${y}` : month
}

/** Which plan the PV (and so SV, SPI) uses, in words: the version, when and why, or linear. */
export function baselineText(evm: Pick<ProjectEvm, 'baseline'>): string {
  const b = evm.baseline
  if (!b) return 'No baseline: PV spread evenly over the dates'
  return `Baseline v${b.version}, ${formatDate(b.createdAt)}: ${b.reason}`
}

/** A forecast finish after the end date: the schedule at this SPI overruns. */
export const finishesLate = (f: { forecastFinish: string | null }, endDate: string) =>
  f.forecastFinish !== null && f.forecastFinish > endDate

/** Neither cost nor progress recorded yet: the charts would be flat lines, so they explain. */
export const hasActivity = (evm: Pick<ProjectEvm, 'figures' | 'monthly'>) =>
  evm.figures.ac !== 0 ||
  evm.figures.percentComplete !== null ||
  evm.monthly.some((m) => m.actual !== 0)

export interface SCurveRow extends SCurvePoint {
  label: string
}

/** The S-curve's months, labelled; the original PV only when the project was re-baselined. */
export function sCurveRows(points: readonly SCurvePoint[]): SCurveRow[] {
  return points.map((p) => ({ ...p, label: monthLabel(p.month) }))
}

/** Whether the chart draws the original baseline beside the current one. */
export const showsOriginal = (rows: readonly SCurveRow[]) => rows.some((r) => r.pvOriginal !== null)

/** The S-curve in words: where PV, EV and AC stand at the as-of month, and where EAC ends. */
export function sCurveSummary(rows: readonly SCurveRow[], currency: string): string {
  if (rows.length === 0) return 'No months to chart.'
  const money = (v: number | null) => formatMoney(v, currency)
  const first = rows[0]!
  const last = rows[rows.length - 1]!
  const now = rows.findLast((r) => r.ac !== null || r.ev !== null)
  const parts = [
    `Cumulative planned value from ${first.label} to ${last.label}, reaching ${money(last.pv)}`,
  ]
  if (last.pvOriginal !== null) parts.push(`by the original baseline ${money(last.pvOriginal)}`)
  if (now) {
    parts.push(
      `at ${now.label}: planned ${money(now.pv)}, earned ${money(now.ev)}, actual cost ${money(now.ac)}`,
    )
  } else parts.push('no earned value or cost yet')
  const eac = rows.findLast((r) => r.eacForecast !== null)
  if (eac) parts.push(`forecast to reach ${money(eac.eacForecast)} by ${eac.label}`)
  return `${parts.join('; ')}.`
}

export interface MonthlyRow {
  month: string
  label: string
  planned: number
  actual: number
}

export const monthlyRows = (monthly: ProjectEvm['monthly']): MonthlyRow[] =>
  monthly.map((m) => ({ ...m, label: monthLabel(m.month) }))

/** Spend against plan per month in words: the totals so far and the months over plan. */
export function monthlySummary(rows: readonly MonthlyRow[], currency: string, asOf: string) {
  if (rows.length === 0) return 'No months to chart.'
  const upTo = rows.filter((r) => r.month <= asOf.slice(0, 7))
  const planned = upTo.reduce((s, r) => s + r.planned, 0)
  const actual = upTo.reduce((s, r) => s + r.actual, 0)
  const over = upTo.filter((r) => r.actual > r.planned).map((r) => r.label)
  const overText = over.length ? `over plan in ${over.join(', ')}` : 'no month over plan'
  return `Actual against planned spend per month, ${rows[0]!.label} to ${rows[rows.length - 1]!.label}: to ${monthLabel(asOf.slice(0, 7))}, ${formatMoney(actual, currency)} spent against ${formatMoney(planned, currency)} planned; ${overText}.`
}

export interface SplitRow {
  label: string
  budget: number
  actual: number
  /** AC / budget; null without a budget. */
  spent: number | null
}

const splitRow = (label: string, s: { budget: number; actual: number }): SplitRow => ({
  label,
  budget: s.budget,
  actual: s.actual,
  spent: s.budget > 0 ? s.actual / s.budget : null,
})

/** Budget against actual per category that has either, in the API's order. */
export const categoryRows = (categories: ProjectEvm['categories']): SplitRow[] =>
  categories
    .filter((c) => c.budget !== 0 || c.actual !== 0)
    .map((c) => splitRow(BUDGET_CATEGORY_LABELS[c.category], c))

export const spendTypeRows = (split: ProjectEvm['spendTypes']): SplitRow[] =>
  SPEND_TYPES.map((t) => splitRow(SPEND_TYPE_LABELS[t], split[t]))

export function categorySummary(rows: readonly SplitRow[], currency: string): string {
  if (rows.length === 0) return 'No budget or spend by category yet.'
  const each = rows.map(
    (r) =>
      `${r.label} budget ${formatMoney(r.budget, currency)}, spent ${formatMoney(r.actual, currency)} (${formatPercent(r.spent)})`,
  )
  return `Budget and actual cost to date by category: ${each.join('; ')}.`
}

export interface RagChange {
  day: string
  status: ProjectEvm['rag']['status']
  label: string
  reason: string
}

/** The RAG history newest first (the API lists it oldest first), each with its label. */
export const ragChanges = (history: ProjectEvm['ragHistory']): RagChange[] =>
  [...history]
    .sort((a, b) => b.day.localeCompare(a.day))
    .map((c) => ({ ...c, label: RAG_LABELS[c.status] }))

type Figures = ProjectEvm['figures']
type FigureKey = keyof Figures['definitions']

export interface EvmRow {
  key: FigureKey
  label: string
  value: string
  kpi: Figures['definitions'][FigureKey]
}

const EVM_ROWS = [
  ['bac', 'BAC'],
  ['pv', 'PV'],
  ['ev', 'EV'],
  ['ac', 'AC'],
  ['cv', 'CV'],
  ['sv', 'SV'],
  ['cpi', 'CPI'],
  ['spi', 'SPI'],
  ['eac', 'EAC (typical)'],
  ['eacAtypical', 'EAC (atypical)'],
  ['eacCombined', 'EAC (combined)'],
  ['etc', 'ETC'],
  ['vac', 'VAC'],
  ['tcpi', 'TCPI'],
] as const satisfies readonly (readonly [FigureKey & keyof Figures, string])[]

const INDICES = new Set<FigureKey>(['cpi', 'spi', 'tcpi'])

/** Every EVM figure in the textbook's order, formatted (n/a for null), with its definition's id. */
export const evmRows = (f: Figures, currency: string): EvmRow[] =>
  EVM_ROWS.map(([key, label]) => {
    const v = f[key]
    return {
      key,
      label,
      value: INDICES.has(key) ? indexText(v) : formatMoney(v, currency),
      kpi: f.definitions[key],
    }
  })
