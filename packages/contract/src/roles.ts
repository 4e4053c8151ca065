// Who may do what: the API enforces it, the SPA hides the controls a person could not use.

/** The roles, least to most: each may do all that the one before it may. */
export const ROLES = ['viewer', 'manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer',
  manager: 'Manager',
  admin: 'Admin',
}

export const ROLE_SUMMARIES: Record<Role, string> = {
  viewer: 'reads everything, changes nothing',
  manager: 'reads and changes operational data',
  admin: 'also manages users, tokens and settings',
}

/** True when `role` may do what `least` may. */
export const roleAtLeast = (role: Role, least: Role) => ROLES.indexOf(role) >= ROLES.indexOf(least)

/** What an API token may be allowed to do, least to most. */
export const TOKEN_SCOPES = ['read', 'ingest'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]

export const TOKEN_SCOPE_SUMMARIES: Record<TokenScope, string> = {
  read: 'read the API (dashboards, exports, reporting tools)',
  ingest: 'for probes sending check samples (POST /api/v1/checks)',
}
