// The three roles, shared by the session (what may I do?) and the admin pages (who may do what?).
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
