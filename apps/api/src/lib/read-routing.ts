import { formatLsn, parseLsn, type ReadReplica } from '@opsdeck/db'
import type { MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../app-env.ts'
import { isHttps } from '../auth/cookie.ts'
import { PREVIEWS } from './figures-cache.ts'

/** The primary's WAL position after the browser's last write: its reads wait for the replica to reach it. */
export const WROTE_AT_COOKIE = 'opsdeck_wrote_at'
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])
// When the position cannot be read after a write, its author reads from the primary for the
// cookie's life: the largest position there is.
const EVERYTHING = formatLsn(0xffff_ffff_ffff_ffffn)

/**
 * Sets `c.var.readDb`, where the dashboards' and reports' GET routes read: the replica when one
 * is configured and has replayed this browser's last write (read-your-writes), the primary
 * otherwise (see ReadReplica). Writes and sign-in always use `c.var.db`, the primary. After a
 * person's write the API answers with the primary's position in a cookie.
 */
export function readRouting(replica: ReadReplica | null | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('readDb', c.get('db'))
    c.set('recentWriter', false)
    if (!replica || !c.req.path.startsWith('/api/')) return next()
    const safe = SAFE.has(c.req.method)
    const marker = parseLsn(getCookie(c, WROTE_AT_COOKIE))
    c.set('recentWriter', marker !== null)
    if (safe) {
      const target = replica.pick(marker)
      if (target === 'replica') c.set('readDb', replica.db)
      c.set('readFrom', target)
    }
    await next()
    if (safe || c.res.status >= 400) return
    // Only people's writes need it: a token's caller keeps no cookies (and sample ingestion would
    // pay a query per batch), signing in or out changes only what is read from the primary, and a
    // preview writes nothing.
    if (c.get('actor')?.type !== 'user' || c.req.path.startsWith('/api/v1/auth/')) return
    if (PREVIEWS.has(`${c.req.method} ${c.req.path}`)) return
    const lsn = await replica.primaryLsn().catch(() => null)
    if (lsn !== null && marker !== null && lsn <= marker) return
    setCookie(c, WROTE_AT_COOKIE, lsn === null ? EVERYTHING : formatLsn(lsn), {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: isHttps(c, c.var.auth.trustedProxy),
      // Past the lag bound the replica holds the write anyway, or reads go to the primary.
      maxAge: Math.ceil(replica.maxLagMs / 1000) + 60,
    })
  }
}
