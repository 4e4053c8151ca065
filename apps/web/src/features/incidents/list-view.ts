import { SEVERITIES, type Severity, SLUG_PATTERN } from '@opsdeck/contract'

// The Incidents list's view as it lives in the URL (`?status=open&severity=SEV1&service=payroll&
// team=apps`), so a filtered view can be shared as a link. Pure functions: the round trip is
// tested without a browser. Other params (the global range) are kept.

/** open: not yet resolved; ended: resolved or closed; left out: all, open first. */
export const LIST_STATUSES = ['open', 'ended'] as const
export type ListStatus = (typeof LIST_STATUSES)[number]

export interface IncidentsView {
  status?: ListStatus
  severity?: Severity
  /** An affected service's slug. */
  service?: string
  /** An owner team's slug: incidents touching a service it owns. */
  team?: string
  /** Part of the title or the ref. */
  q?: string
}

const VIEW_KEYS = ['status', 'severity', 'service', 'team', 'q'] as const

const oneOf = <T extends string>(list: readonly T[], v: string | null): v is T =>
  (list as readonly string[]).includes(v ?? '')

/** The view written in the URL; anything malformed is left out rather than sent. */
export function parseIncidentsView(params: URLSearchParams): IncidentsView {
  const view: IncidentsView = {}
  const status = params.get('status')
  if (oneOf(LIST_STATUSES, status)) view.status = status
  const severity = params.get('severity')
  if (oneOf(SEVERITIES, severity)) view.severity = severity
  for (const key of ['service', 'team'] as const) {
    const value = params.get(key)?.trim()
    if (value && SLUG_PATTERN.test(value)) view[key] = value
  }
  const q = params.get('q')?.trim()
  if (q) view.q = q.slice(0, 100)
  return view
}

/** New search params with the view set, every other param (the range) kept; empty ones left out. */
export function withIncidentsView(params: URLSearchParams, view: IncidentsView): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of VIEW_KEYS) next.delete(key)
  for (const key of VIEW_KEYS) {
    const value = view[key]?.trim()
    if (value) next.set(key, value)
  }
  return next
}

export const hasFilters = (view: IncidentsView) => VIEW_KEYS.some((key) => Boolean(view[key]))

/** GET /incidents's query for one page: the filters, and the cursor after the first page. */
export function toListQuery(view: IncidentsView, cursor: string | undefined) {
  const query: Record<string, string> = { status: view.status ?? 'all' }
  if (view.severity) query.severity = view.severity
  if (view.service) query.service = view.service
  if (view.team) query.team = view.team
  if (view.q) query.q = view.q
  if (cursor) query.cursor = cursor
  return query
}
