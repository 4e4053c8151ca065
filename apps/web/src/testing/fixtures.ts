import type { Role } from '@opsdeck/contract'
import type { InferResponseType } from 'hono/client'
import type { api } from '../lib/api.ts'

type MeBody = InferResponseType<typeof api.auth.me.$get, 200>

export const PEOPLE: Record<Role, { id: number; email: string; name: string; role: Role }> = {
  admin: { id: 1, email: 'ada@example.org', name: 'Ada Admin', role: 'admin' },
  manager: { id: 2, email: 'mo@example.org', name: 'Mo Manager', role: 'manager' },
  viewer: { id: 3, email: 'vi@example.org', name: 'Vi Viewer', role: 'viewer' },
}

/** `GET /auth/me` for a signed-in person of the role. */
export const signedIn = (role: Role = 'manager') => ({
  body: { user: PEOPLE[role], via: 'session' } satisfies MeBody,
})

export const signedOut = {
  status: 401,
  body: { error: { code: 'unauthenticated', message: 'Sign in to continue' } },
}
