// The People page's view as it lives in the URL (`?q=sam&team=platform&role=SRE&left=1`), so a
// filtered list can be shared as a link. Pure functions, tested without a browser; other params
// (the global range) are kept.

export interface PeopleView {
  /** Part of the name. */
  q: string | null
  /** A team's slug. */
  team: string | null
  /** A role, matched whole in any case by the API. */
  role: string | null
  /** Also those who have left or not yet started. */
  includeLeft: boolean
}

export const DEFAULT_PEOPLE_VIEW: PeopleView = {
  q: null,
  team: null,
  role: null,
  includeLeft: false,
}

const VIEW_KEYS = ['q', 'team', 'role', 'left'] as const

/** The view written in the URL; anything malformed falls back to no filter. */
export function parsePeopleView(params: URLSearchParams): PeopleView {
  const text = (key: string, max: number) => params.get(key)?.trim().slice(0, max) || null
  return {
    q: text('q', 100),
    team: text('team', 100),
    role: text('role', 80),
    includeLeft: params.get('left') === '1',
  }
}

/** New search params with the view set, every other param kept; defaults left out. */
export function withPeopleView(params: URLSearchParams, view: PeopleView): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of VIEW_KEYS) next.delete(key)
  if (view.q?.trim()) next.set('q', view.q.trim())
  if (view.team) next.set('team', view.team)
  if (view.role) next.set('role', view.role)
  if (view.includeLeft) next.set('left', '1')
  return next
}

export const hasPeopleFilters = (view: PeopleView) =>
  Boolean(view.q ?? view.team ?? view.role) || view.includeLeft

/** GET /people's query for the view. */
export function peopleQuery(view: PeopleView) {
  const query: { q?: string; team?: string; role?: string; includeLeft?: 'true' } = {}
  if (view.q) query.q = view.q
  if (view.team) query.team = view.team
  if (view.role) query.role = view.role
  if (view.includeLeft) query.includeLeft = 'true'
  return query
}
