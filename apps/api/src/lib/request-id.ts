import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../app-env.ts'

const HEADER = 'X-Request-Id'
const USABLE = /^[\w\-=]{1,64}$/

/**
 * The request's id, for the logs and the audit log, echoed in the response. A client could send
 * any id and so forge or muddle audit rows: one sent in is kept only from a trusted proxy (which
 * sets it), and otherwise a new one is made.
 */
export function requestIds(trustedProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sent = trustedProxy ? c.req.header(HEADER) : undefined
    const id = sent !== undefined && USABLE.test(sent) ? sent : randomUUID()
    c.set('requestId', id)
    c.header(HEADER, id)
    await next()
  }
}
