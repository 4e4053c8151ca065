import { type Role, roleAtLeast, ROLES } from '@opsdeck/contract'

// What each role may do, in one place. Viewers read, managers also change operational data,
// admins also manage users, tokens and settings. The API enforces the same; this only hides
// controls a person could not use.

export type Action = 'read' | 'write' | 'admin'

const LEAST_ROLE: Record<Action, Role> = { read: 'viewer', write: 'manager', admin: 'admin' }

export function can(role: Role | null | undefined, action: Action): boolean {
  if (!role || !ROLES.includes(role)) return false
  return roleAtLeast(role, LEAST_ROLE[action])
}
