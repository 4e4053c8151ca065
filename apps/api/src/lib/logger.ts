import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { Logger } from 'pino'
import type { AppEnv } from '../app-env.ts'

/** A child logger carrying the request id, and one line per request when it ends. */
export function requestLogger(root: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const log = root.child({ reqId: c.get('requestId') })
    c.set('log', log)
    const started = performance.now()
    await next()
    log.info(
      {
        method: c.req.method,
        route: routePattern(c),
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        readFrom: c.get('readFrom'),
      },
      'request',
    )
  }
}

/**
 * The pattern of the route that the request was for (`/api/v1/users/:id`): the first matched
 * handler that is not middleware (`use` registers ALL), or null when no route matched.
 */
export function routePattern(c: Context): string | null {
  return matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? null
}
