import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { findApiToken } from '../tokens/api-tokens.ts'
import type { Actor } from './actor.ts'
import { readSessionCookie } from './cookie.ts'
import { findSession } from './sessions.ts'

/** The bearer token of the request, when it sends `Authorization: Bearer …`. */
function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i)
  return match?.[1]
}

/**
 * Sets `c.var.actor` from the bearer token or, without one, the session cookie; null when neither
 * is valid. It rejects nothing: each route's `access()` decides between 401, 403 and going on.
 * A request that sends a token is judged by the token alone (no fall-back to the cookie).
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('actor', null)
    const authorization = c.req.header('authorization')
    if (authorization !== undefined) {
      const bearer = bearerToken(authorization)
      if (bearer)
        c.set('actor', await remembered(c, `token ${bearer}`, () => tokenActor(c, bearer)))
      return next()
    }
    const cookie = readSessionCookie(c)
    if (cookie) {
      c.set('actor', await remembered(c, `session ${cookie}`, () => sessionActor(c, cookie)))
    }
    return next()
  }
}

// Through the app's ActorCache when it has one (not in tests: they change sessions in SQL).
async function remembered(c: Context<AppEnv>, key: string, find: () => Promise<Actor | null>) {
  const cache = c.get('actors')
  const now = Date.now()
  const known = cache?.get(key, now)
  if (known) return known
  const ticket = cache?.ticket() ?? 0
  const actor = await find()
  if (actor) cache?.set(key, actor, now, ticket)
  return actor
}

async function tokenActor(c: Context<AppEnv>, bearer: string): Promise<Actor | null> {
  const token = await findApiToken(c.get('db'), bearer, c.get('now'))
  return token ? { type: 'token', token } : null
}

async function sessionActor(c: Context<AppEnv>, cookie: string): Promise<Actor | null> {
  const { sessionIdleMs: idleMs, sessionMaxMs: maxMs } = c.get('auth')
  const session = await findSession(c.get('db'), cookie, { now: c.get('now'), idleMs, maxMs })
  return session ? { type: 'user', ...session } : null
}
