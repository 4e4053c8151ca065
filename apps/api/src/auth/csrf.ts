import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { errorBody } from '../lib/errors.ts'
import { readSessionCookie } from './cookie.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

type Verdict = 'same' | 'cross' | 'unknown'

// Browsers send Sec-Fetch-Site and Origin on every unsafe request and a page cannot forge either.
// Either one saying "same origin" is enough (Origin for browsers that predate Sec-Fetch-Site).
function originVerdict(c: Context<AppEnv>): Verdict {
  const site = c.req.header('sec-fetch-site')
  if (site === 'same-origin') return 'same'
  const origin = c.req.header('origin')
  if (origin) {
    const host = hostOf(origin)
    return host !== undefined && requestHosts(c).has(host) ? 'same' : 'cross'
  }
  return site ? 'cross' : 'unknown'
}

function requestHosts(c: Context<AppEnv>): Set<string> {
  const hosts = new Set([new URL(c.req.url).host])
  const forwarded = c.var.auth.trustedProxy && c.req.header('x-forwarded-host')
  if (forwarded) hosts.add(forwarded.split(',')[0]!.trim())
  return hosts
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host
  } catch {
    return undefined
  }
}

/**
 * Cross-site request forgery guard for unsafe methods. Requests with a bearer token are exempt
 * (a page cannot make a browser attach one); requests carrying the session cookie must prove they
 * come from our own origin; any request that a browser marks as cross-site is refused (which
 * also stops a foreign page signing a visitor in to another account).
 */
export function csrfGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.header('authorization')) return next()
    const verdict = originVerdict(c)
    if (verdict === 'cross' || (verdict === 'unknown' && readSessionCookie(c) !== undefined)) {
      return c.json(
        errorBody('csrf_rejected', 'Cross-site request refused: send it from the opsdeck page'),
        403,
      )
    }
    return next()
  }
}
