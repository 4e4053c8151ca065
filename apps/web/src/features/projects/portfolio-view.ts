import { PROJECT_STATUSES, type ProjectStatus } from '@opsdeck/contract'
import { isDay, type RangeSpec, toApiQuery } from '../../lib/range.ts'

// The Projects page's view as it lives in the URL (`?status=all&sort=cpi&order=asc`), beside the
// global range, so a sorted, filtered portfolio can be shared as a link. Pure functions: the round
// trip is tested without a browser.

/** live: active and on hold (the API's default); all: every status; or one status. */
export type PortfolioStatus = 'live' | 'all' | ProjectStatus

export const PORTFOLIO_SORTS = [
  'project',
  'status',
  'owner',
  'bac',
  'ac',
  'spent',
  'complete',
  'cpi',
  'spi',
  'eac',
  'vac',
  'rag',
  'finish',
] as const
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number]
export type SortOrder = 'asc' | 'desc'

export interface PortfolioView {
  status: PortfolioStatus
  sort: PortfolioSort
  order: SortOrder
}

export const DEFAULT_VIEW: PortfolioView = { status: 'live', sort: 'project', order: 'asc' }

const oneOf = <T extends string>(list: readonly T[], v: string | null): v is T =>
  (list as readonly string[]).includes(v ?? '')

/** The view written in the URL; anything malformed falls back to the default. */
export function parsePortfolioView(params: URLSearchParams): PortfolioView {
  const status = params.get('status')
  const sort = params.get('sort')
  const view: PortfolioView = { ...DEFAULT_VIEW }
  if (status === 'all' || oneOf(PROJECT_STATUSES, status)) view.status = status
  if (oneOf(PORTFOLIO_SORTS, sort)) {
    view.sort = sort
    view.order = params.get('order') === 'desc' ? 'desc' : 'asc'
  }
  return view
}

/** New search params with the view set, every other param (the range) kept; defaults left out. */
export function withPortfolioView(params: URLSearchParams, view: PortfolioView): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of ['status', 'sort', 'order']) next.delete(key)
  if (view.status !== DEFAULT_VIEW.status) next.set('status', view.status)
  if (view.sort !== DEFAULT_VIEW.sort || view.order !== DEFAULT_VIEW.order) {
    next.set('sort', view.sort)
    next.set('order', view.order)
  }
  return next
}

/**
 * What a first click on a column asks for: the worst first where low is bad (CPI, SPI, VAC),
 * the biggest first for money and shares, red first for RAG, earliest first for dates and words.
 */
const FIRST_ORDER: Record<PortfolioSort, SortOrder> = {
  project: 'asc',
  status: 'asc',
  owner: 'asc',
  bac: 'desc',
  ac: 'desc',
  spent: 'desc',
  complete: 'desc',
  cpi: 'asc',
  spi: 'asc',
  eac: 'desc',
  vac: 'asc',
  rag: 'asc',
  finish: 'asc',
}

/** A header pressed: the same column flips its order; another starts in its first order. */
export function nextSort(view: PortfolioView, column: PortfolioSort): PortfolioView {
  if (view.sort === column) return { ...view, order: view.order === 'asc' ? 'desc' : 'asc' }
  return { ...view, sort: column, order: FIRST_ORDER[column] }
}

/** GET /portfolio's `status`: left out for live (the API's default), every status for all. */
export function statusQuery(status: PortfolioStatus): { status?: string } {
  if (status === 'live') return {}
  return { status: status === 'all' ? PROJECT_STATUSES.join(',') : status }
}

/**
 * GET /portfolio's `asOf`, the range's last day as the Overview's summary takes it: left out for a
 * preset or a range reaching today (the API's today, in the organisation's zone); else `to`'s day
 * (an instant's, the day of the moment before it, as `to` is exclusive).
 */
export function portfolioAsOf(range: RangeSpec, now: Date): { asOf?: string } {
  if ('preset' in range) return {}
  const { to } = toDay(range.to, now)
  return to ? { asOf: to } : {}
}

/**
 * GET /suppliers's days (both inclusive), from the range: a preset's start as the reader's day and
 * `to` left out (the API's today); a custom range's days (an instant's, as for `asOf`).
 */
export function supplierQuery(range: RangeSpec, now: Date): { from: string; to?: string } {
  const from = toApiQuery(range, now).from
  const fromDay = isDay(from) ? from : localDay(new Date(from))
  if ('preset' in range) return { from: fromDay }
  return { from: fromDay, ...toDay(range.to, now) }
}

const toDay = (to: string, now: Date) => {
  const day = isDay(to) ? to : localDay(new Date(Date.parse(to) - 1))
  return day < localDay(now) ? { to: day } : {}
}

const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
const pad = (n: number) => String(n).padStart(2, '0')
