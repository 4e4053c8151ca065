import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { findApiToken } from '../tokens/api-tokens.ts'
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
      const token = bearer ? await findApiToken(c.var.db, bearer, c.var.now) : undefined
      if (token) c.set('actor', { type: 'token', token })
      return next()
    }
    const cookie = readSessionCookie(c)
    if (cookie) {
      const { sessionIdleMs: idleMs, sessionMaxMs: maxMs } = c.var.auth
      const session = await findSession(c.var.db, cookie, { now: c.var.now, idleMs, maxMs })
      if (session) c.set('actor', { type: 'user', ...session })
    }
    return next()
  }
}
