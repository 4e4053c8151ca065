import type { MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import type { Logger } from 'pino'
import type { AppEnv } from '../app-env.ts'

/** A child logger carrying the request id, and one line per request when it ends. */
export function requestLogger(root: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const log = root.child({ reqId: c.var.requestId })
    c.set('log', log)
    const started = performance.now()
    await next()
    log.info(
      {
        method: c.req.method,
        route: routePath(c, -1),
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    )
  }
}
