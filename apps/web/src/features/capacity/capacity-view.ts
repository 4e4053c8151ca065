// The Capacity page's view as it lives in the URL (`?team=platform&role=SRE&tentative=1`), so a
// filtered what-if can be shared as a link. Pure functions: the round trip is tested without a
// browser. Other params (the global range) are kept.

export interface CapacityView {
  /** A team's slug, or every team. */
  team: string | null
  /** A role (the API matches it in any case), or every role. */
  role: string | null
  /** Count tentative work in utilization: the what-if. */
  tentative: boolean
}

export const DEFAULT_CAPACITY_VIEW: CapacityView = { team: null, role: null, tentative: false }

const VIEW_KEYS = ['team', 'role', 'tentative'] as const

/** The view written in the URL; anything malformed falls back to no filter, confirmed work only. */
export function parseCapacityView(params: URLSearchParams): CapacityView {
  const team = params.get('team')?.trim().slice(0, 100)
  const role = params.get('role')?.trim().slice(0, 200)
  return { team: team || null, role: role || null, tentative: params.get('tentative') === '1' }
}

/** New search params with the view set, every other param kept; defaults left out. */
export function withCapacityView(params: URLSearchParams, view: CapacityView): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of VIEW_KEYS) next.delete(key)
  if (view.team) next.set('team', view.team)
  if (view.role) next.set('role', view.role)
  if (view.tentative) next.set('tentative', '1')
  return next
}

/** GET /capacity's query for the view: the default weeks (12 back and 12 ahead of this one). */
export function gridQuery(view: CapacityView) {
  const query: { includeTentative: 'true' | 'false'; team?: string; role?: string } = {
    includeTentative: view.tentative ? 'true' : 'false',
  }
  if (view.team) query.team = view.team
  if (view.role) query.role = view.role
  return query
}
