import {
  PROJECT_STATUSES,
  RAG_LABELS,
  RAG_STATUSES,
  SPEND_TYPE_LABELS,
  SPEND_TYPES,
} from '@opsdeck/contract'
import { formatMoney, formatPercent, NA } from '../../lib/format.ts'
import type { PortfolioSort, SortOrder } from './portfolio-view.ts'
import type { Portfolio, PortfolioProject, Suppliers } from './queries.ts'

// The Projects page's shaping: the table's order, the RAG counts and the charts' rows and text
// summaries. Pure, so they are tested without rendering; the figures themselves are the API's.

type Key = string | number | null

const RAG_RANK = Object.fromEntries(RAG_STATUSES.map((s, i) => [s, i]))
const STATUS_RANK = Object.fromEntries(PROJECT_STATUSES.map((s, i) => [s, i]))

const SORT_KEY: Record<PortfolioSort, (p: PortfolioProject) => Key> = {
  project: (p) => p.code,
  status: (p) => STATUS_RANK[p.status] ?? null,
  owner: (p) => p.owner?.name ?? null,
  bac: (p) => p.bac,
  ac: (p) => p.ac,
  spent: (p) => p.spentShare,
  complete: (p) => p.percentComplete,
  cpi: (p) => p.cpi,
  spi: (p) => p.spi,
  eac: (p) => p.eac,
  vac: (p) => p.vac,
  // Red first, then amber, green and not rated (grey).
  rag: (p) => RAG_RANK[p.rag.status] ?? null,
  finish: (p) => p.forecastFinish,
}

/** The projects in the order asked for; n/a always last, ties by code so the order is stable. */
export function sortProjects(
  projects: readonly PortfolioProject[],
  sort: PortfolioSort,
  order: SortOrder,
): PortfolioProject[] {
  const key = SORT_KEY[sort]
  const sign = order === 'asc' ? 1 : -1
  return [...projects].sort((a, b) => {
    const x = key(a)
    const y = key(b)
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1
    } else if (x !== y) {
      return sign * (typeof x === 'string' ? x.localeCompare(String(y)) : x - Number(y))
    }
    return a.code.localeCompare(b.code)
  })
}

/** CPI, SPI and the like to two decimals; n/a for null (a division by zero), never NaN. */
export const indexText = (v: number | null) =>
  v === null || !Number.isFinite(v) ? NA : v.toFixed(2)

/**
 * Below 1 is behind (cost or schedule): the figure's tone, judged on the figure as shown, so a
 * 0.998 that reads 1.00 is not coloured as behind.
 */
export const indexTone = (v: number | null) =>
  v !== null && Number.isFinite(v) && Number(v.toFixed(2)) < 1 ? 'bad' : undefined

/** Projects per RAG status, red first, every status listed. */
export function ragTally(projects: readonly PortfolioProject[]) {
  return RAG_STATUSES.map((status) => ({
    status,
    label: RAG_LABELS[status],
    count: projects.filter((p) => p.rag.status === status).length,
  }))
}

export interface BudgetEacRow {
  code: string
  name: string
  bac: number
  /** Typical EAC; null while n/a (no cost or no progress yet). */
  eac: number | null
}

/** Budget beside the forecast per project, the biggest budget first. */
export function budgetVsEac(projects: readonly PortfolioProject[]): BudgetEacRow[] {
  return sortProjects(projects, 'bac', 'desc').map((p) => ({
    code: p.code,
    name: p.name,
    bac: p.bac,
    eac: p.eac,
  }))
}

export function budgetVsEacSummary(rows: readonly BudgetEacRow[], currency: string): string {
  if (rows.length === 0) return 'No projects to chart.'
  const each = rows.map((r) => {
    const eac = r.eac === null ? 'EAC n/a' : `EAC ${formatMoney(r.eac, currency)}`
    return `${r.code} budget ${formatMoney(r.bac, currency)}, ${eac}`
  })
  return `Budget (BAC) and estimate at completion (EAC) by project: ${each.join('; ')}.`
}

export interface SpendTypeRow {
  label: string
  budget: number
  actual: number
}

/** Capex and opex: the budget of the projects listed and what they have spent to date. */
export function capexOpexRows(split: Portfolio['capexOpex']): SpendTypeRow[] {
  return SPEND_TYPES.map((t) => ({ label: SPEND_TYPE_LABELS[t], ...split[t] }))
}

export function capexOpexSummary(rows: readonly SpendTypeRow[], currency: string): string {
  const each = rows.map(
    (r) =>
      `${r.label} budget ${formatMoney(r.budget, currency)}, spent ${formatMoney(r.actual, currency)}`,
  )
  return `Budget and actual cost to date by spend type: ${each.join('; ')}.`
}

export interface SupplierRow {
  supplier: string
  total: number
  share: number | null
  other: boolean
}

/** The ten largest suppliers over the range and the rest as "Other", as the API totals them. */
export const supplierRows = (top: Suppliers['top']): SupplierRow[] =>
  top.map((t) => ({
    supplier: t.other ? `Other (${t.suppliers} suppliers)` : t.supplier,
    total: t.total,
    share: t.share,
    other: t.other,
  }))

export function supplierSummary(rows: readonly SupplierRow[], currency: string): string {
  if (rows.length === 0) return 'No spend recorded in this range.'
  const each = rows.map(
    (r) => `${r.supplier} ${formatMoney(r.total, currency)} (${formatPercent(r.share, 1)})`,
  )
  return `Spend by supplier, largest first: ${each.join('; ')}.`
}

/**
 * A project's capacity risk in a few words for the table (`3 over 110%, 2 on leave`); the API's
 * sentence (`risk.text`) is its tooltip and what screen readers hear.
 */
export function capacityRiskWords(risk: NonNullable<PortfolioProject['capacityRisk']>): string {
  return [
    risk.overbooked.count > 0 ? `${risk.overbooked.count} over 110%` : null,
    risk.onLeave.count > 0 ? `${risk.onLeave.count} on leave` : null,
  ]
    .filter((s) => s !== null)
    .join(', ')
}
