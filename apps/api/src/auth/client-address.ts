import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { type AppEnv, varsOf } from '../app-env.ts'

/**
 * The address the login limit is keyed on: the TCP peer, or, behind a trusted proxy, the
 * right-most X-Forwarded-For entry — the one that proxy appended. Entries to its left come from
 * the client and could be anything, so keying on them would let one client pose as many.
 */
export function clientAddress<E extends AppEnv>(c: Context<E>): string {
  if (varsOf(c).auth.trustedProxy) {
    const hops = c.req.header('x-forwarded-for')?.split(',')
    const last = hops?.[hops.length - 1]?.trim()
    if (last) return last
  }
  try {
    // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d: one client, one key.
    return (
      getConnInfo(c).remote.address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') ?? 'unknown'
    )
  } catch {
    // No socket: a request handed to app.fetch directly (tests, other adapters).
    return 'unknown'
  }
}
