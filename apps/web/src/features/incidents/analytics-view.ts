import { type RangeSpec, toApiQuery } from '../../lib/range.ts'
import { type IncidentsView, parseIncidentsView, withIncidentsView } from './list-view.ts'

// The analytics view's filters as they live in the URL: the list's severity, service and team
// params, read and written the same way, so a link between the two pages keeps the filter.

export type AnalyticsFilters = Pick<IncidentsView, 'severity' | 'service' | 'team'>

const FILTER_KEYS = ['severity', 'service', 'team'] as const

/** The filters written in the URL; malformed values are left out, as the list does. */
export function parseAnalyticsFilters(params: URLSearchParams): AnalyticsFilters {
  const view = parseIncidentsView(params)
  const filters: AnalyticsFilters = {}
  if (view.severity) filters.severity = view.severity
  if (view.service) filters.service = view.service
  if (view.team) filters.team = view.team
  return filters
}

/** New search params with the filters set; the range and the list's other params are kept. */
export function withAnalyticsFilters(
  params: URLSearchParams,
  filters: AnalyticsFilters,
): URLSearchParams {
  const kept = parseIncidentsView(params)
  for (const key of FILTER_KEYS) delete kept[key]
  return withIncidentsView(params, { ...kept, ...filters })
}

export const hasAnalyticsFilters = (filters: AnalyticsFilters) =>
  FILTER_KEYS.some((key) => Boolean(filters[key]))

/** GET /incidents/metrics's query: the range (a preset ends now) and the filters given. */
export function toMetricsQuery(range: RangeSpec, filters: AnalyticsFilters, now: Date) {
  const query: Record<string, string> = { ...toApiQuery(range, now) }
  for (const key of FILTER_KEYS) {
    const value = filters[key]
    if (value) query[key] = value
  }
  return query
}
