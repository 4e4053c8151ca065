import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { errorBody } from '../lib/errors.ts'
import { forwarded } from './client-address.ts'
import { readSessionCookie } from './cookie.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

type Verdict = 'same' | 'cross' | 'unknown'

// Browsers send Sec-Fetch-Site and Origin on every unsafe request and a page cannot forge either.
// Sec-Fetch-Site decides when it is there: only `same-origin` passes, and `same-site` is refused
// too (a sibling subdomain, or the same host over http, is another origin). `none` (the user's own
// action) and its absence (older browsers) leave it to Origin, compared as a whole origin.
function originVerdict(c: Context<AppEnv>): Verdict {
  const site = c.req.header('sec-fetch-site')
  if (site === 'same-origin') return 'same'
  if (site && site !== 'none') return 'cross'
  const origin = c.req.header('origin')
  if (origin) {
    const theirs = originOf(origin)
    return theirs !== undefined && theirs === ownOrigin(c) ? 'same' : 'cross'
  }
  return site ? 'cross' : 'unknown'
}

/** The origin the browser sees: the request's, or behind a trusted proxy, the one it forwards. */
function ownOrigin(c: Context<AppEnv>): string | undefined {
  const url = new URL(c.req.url)
  const { trustedProxy } = c.get('auth')
  const scheme = forwarded(c, 'x-forwarded-proto', trustedProxy) ?? url.protocol.slice(0, -1)
  const host = forwarded(c, 'x-forwarded-host', trustedProxy) ?? url.host
  return originOf(`${scheme}://${host}`)
}

// Scheme, host and port, with a default port left out as browsers do; undefined for `null`.
function originOf(text: string): string | undefined {
  try {
    const origin = new URL(text).origin
    return origin === 'null' ? undefined : origin
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
