import { SERVICE_STATUS_ORDER, type ServiceSort, SERVICE_SORT_KEYS } from './list-columns.ts'
import type { ServiceStatus } from './transform.ts'

// The Services table's view as it lives in the URL (`?status=down&tier=1&team=apps&q=pay&
// sort=uptime30d&order=asc`), so a filtered, sorted view can be shared as a link. Pure functions:
// the round trip is tested without a browser. Other params (the global range) are kept.

export type SortOrder = 'asc' | 'desc'

export interface ListView {
  status?: ServiceStatus
  tier?: 1 | 2 | 3
  /** An owner team's slug. */
  team?: string
  /** Free text matched against slug, name and tags. */
  q?: string
  /** Archived services listed too ('true') or alone ('only'); left out, they are hidden. */
  archived?: 'true' | 'only'
  sort: ServiceSort
  order: SortOrder
}

export const DEFAULT_SORT: Pick<ListView, 'sort' | 'order'> = { sort: 'status', order: 'asc' }

const VIEW_KEYS = ['status', 'tier', 'team', 'q', 'archived', 'sort', 'order'] as const
const TIERS = ['1', '2', '3'] as const

const isStatus = (v: string | null): v is ServiceStatus =>
  (SERVICE_STATUS_ORDER as readonly string[]).includes(v ?? '')
const isSort = (v: string | null): v is ServiceSort =>
  (SERVICE_SORT_KEYS as readonly string[]).includes(v ?? '')

/** The view written in the URL; anything malformed falls back to no filter / the default sort. */
export function parseListView(params: URLSearchParams): ListView {
  const view: ListView = { ...DEFAULT_SORT }
  const status = params.get('status')
  if (isStatus(status)) view.status = status
  const tier = params.get('tier')
  if (TIERS.includes(tier as (typeof TIERS)[number])) view.tier = Number(tier) as 1 | 2 | 3
  const team = params.get('team')?.trim()
  if (team) view.team = team
  const q = params.get('q')?.trim()
  if (q) view.q = q.slice(0, 100)
  const archived = params.get('archived')
  if (archived === 'true' || archived === 'only') view.archived = archived
  const sort = params.get('sort')
  if (isSort(sort)) {
    view.sort = sort
    view.order = params.get('order') === 'desc' ? 'desc' : 'asc'
  }
  return view
}

/** New search params with the view set, every other param (the range) kept; defaults left out. */
export function withListView(params: URLSearchParams, view: ListView): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of VIEW_KEYS) next.delete(key)
  if (view.status) next.set('status', view.status)
  if (view.tier) next.set('tier', String(view.tier))
  if (view.team) next.set('team', view.team)
  if (view.q?.trim()) next.set('q', view.q.trim())
  if (view.archived) next.set('archived', view.archived)
  if (view.sort !== DEFAULT_SORT.sort || view.order !== DEFAULT_SORT.order) {
    next.set('sort', view.sort)
    next.set('order', view.order)
  }
  return next
}

/**
 * Clicking a column's header: the same column flips its order; another column starts in the
 * order a manager wants first (worst first for figures where low is bad: uptime, budget left).
 */
export function nextSort(view: ListView, column: ServiceSort, firstOrder: SortOrder): ListView {
  if (view.sort === column) return { ...view, order: view.order === 'asc' ? 'desc' : 'asc' }
  return { ...view, sort: column, order: firstOrder }
}

export const hasFilters = (view: ListView) =>
  Boolean(view.status ?? view.tier ?? view.team ?? view.q ?? view.archived)

/** The view without its filters (the sort stays). */
export const clearFilters = ({ sort, order }: ListView): ListView => ({ sort, order })
