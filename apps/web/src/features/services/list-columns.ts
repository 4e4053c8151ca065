import type { ServiceList } from './queries.ts'
import type { ServiceStatus } from './transform.ts'

// The table's sortable columns, keyed by the API's sort names: a sort added or renamed there
// fails to compile here until it has a header.
export type ServiceSort = ServiceList['sort']

interface SortColumn {
  label: string
  /** What a first click asks for: the worst first where low is bad (uptime, budget left). */
  firstOrder: 'asc' | 'desc'
  /** Unit or window under the header, e.g. "24 h". */
  sub?: string
}

export const SORT_COLUMNS: Record<ServiceSort, SortColumn> = {
  status: { label: 'Status', firstOrder: 'asc' },
  name: { label: 'Service', firstOrder: 'asc' },
  slug: { label: 'Slug', firstOrder: 'asc' },
  tier: { label: 'Tier', firstOrder: 'asc' },
  uptime24h: { label: 'Uptime', sub: '24 h', firstOrder: 'asc' },
  uptime7d: { label: 'Uptime', sub: '7 d', firstOrder: 'asc' },
  uptime30d: { label: 'Uptime', sub: '30 d', firstOrder: 'asc' },
  sloTarget: { label: 'SLO', firstOrder: 'desc' },
  budgetRemaining: { label: 'Error budget', sub: 'left', firstOrder: 'asc' },
  burnRate: { label: 'Burn rate', firstOrder: 'desc' },
  p95: { label: 'p95', sub: '24 h', firstOrder: 'desc' },
}

export const SERVICE_SORT_KEYS = Object.keys(SORT_COLUMNS) as ServiceSort[]

/** Statuses in the order of the filter and of a status sort: the ones needing action first. */
export const SERVICE_STATUS_ORDER = [
  'down',
  'degraded',
  'unknown',
  'maintenance',
  'up',
] as const satisfies readonly ServiceStatus[]

/** "No data" rather than "unknown": the status is unknown because no recent sample arrived. */
export const STATUS_LABELS: Record<ServiceStatus, string> = {
  up: 'Up',
  degraded: 'Degraded',
  down: 'Down',
  maintenance: 'Maintenance',
  unknown: 'No data',
}
