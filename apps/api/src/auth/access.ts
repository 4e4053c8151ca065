import { type Role, roleAtLeast, type TokenScope } from '@opsdeck/contract'
import type { Context, MiddlewareHandler, Next } from 'hono'
import { uniqueSymbol } from 'hono-openapi'
import type { AppEnv } from '../app-env.ts'
import { errorBody } from '../lib/errors.ts'
import { errorResponses } from '../lib/openapi.ts'
import type { Actor, UserActor } from './actor.ts'
import { SESSION_COOKIE } from './cookie.ts'

/**
 * Who may call a route, declared on the route itself:
 * - public: anyone, signed in or not (login, logout)
 * - authenticated: any person or token (me)
 * - session: a signed-in person, not a token (password change)
 * - read: viewers, managers, admins and `read` tokens
 * - write: managers and admins
 * - admin: admins only
 * - ingest: `ingest` tokens and admins
 */
export type AccessLevel =
  'public' | 'authenticated' | 'session' | 'read' | 'write' | 'admin' | 'ingest'

const ALLOWS: Record<AccessLevel, (a: Actor) => boolean> = {
  public: () => true,
  authenticated: () => true,
  session: (a) => a.type === 'user',
  read: (a) => a.type === 'user' || a.token.scopes.includes('read'),
  write: (a) => a.type === 'user' && roleAtLeast(a.user.role, 'manager'),
  admin: (a) => a.type === 'user' && roleAtLeast(a.user.role, 'admin'),
  ingest: (a) => (a.type === 'user' ? a.user.role === 'admin' : a.token.scopes.includes('ingest')),
}

/**
 * The token scopes a role's own rights cover, as ALLOWS grants them to a person: everyone may
 * read, only admins ingest. A token acts with at most its creator's current rights.
 */
export const ROLE_SCOPES: Record<Role, readonly TokenScope[]> = {
  admin: ['ingest', 'read'],
  manager: ['read'],
  viewer: ['read'],
}

/** What a token may do now: its scopes within its creator's role; all of them without a creator. */
export function effectiveScopes(
  scopes: readonly TokenScope[],
  creatorRole: Role | null,
): TokenScope[] {
  return creatorRole === null
    ? [...scopes]
    : scopes.filter((s) => ROLE_SCOPES[creatorRole].includes(s))
}

type WithActor<A> = { Variables: { actor: A } }

// The overloads narrow `c.var.actor` for the handler that follows.
export function access(level: 'public'): MiddlewareHandler<AppEnv>
export function access(
  level: 'session' | 'write' | 'admin',
): MiddlewareHandler<WithActor<UserActor>>
export function access(
  level: 'authenticated' | 'read' | 'ingest',
): MiddlewareHandler<WithActor<Actor>>
export function access(level: AccessLevel): MiddlewareHandler<any> {
  const check = async (c: Context<AppEnv>, next: Next) => {
    const actor = c.get('actor')
    if (level === 'public') return next()
    if (!actor) {
      return c.json(errorBody('unauthenticated', 'Sign in, or send a valid API token'), 401)
    }
    if (!ALLOWS[level](actor)) {
      const why = actor.type === 'user' ? 'Your role does' : 'This token’s scopes do'
      return c.json(errorBody('forbidden', `${why} not allow this`), 403)
    }
    return next()
  }
  return Object.assign(check, { [uniqueSymbol]: { spec: accessDoc(level) } })
}

// What the OpenAPI document says of a level: how to authenticate, and the 401 and 403.
function accessDoc(level: AccessLevel) {
  if (level === 'public') return { security: [], 'x-access': level }
  return {
    security: level === 'session' ? [{ session: [] }] : [{ session: [] }, { bearer: [] }],
    'x-access': level,
    responses: errorResponses(['unauthenticated', 'forbidden']),
  }
}

/** The OpenAPI security schemes that access() names. */
export const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
  bearer: { type: 'http', scheme: 'bearer', description: 'An API token: `odk_…`' },
} as const
