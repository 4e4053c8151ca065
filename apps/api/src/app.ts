import { Hono } from 'hono'
import { requestId } from 'hono/request-id'
import type { AppDeps, AppEnv } from './app-env.ts'
import { health } from './health/routes.ts'
import { ApiError, errorBody, isDatabaseUnavailable, sendError } from './lib/errors.ts'
import { requestLogger } from './lib/logger.ts'
import { serveSpa } from './lib/spa.ts'
import { overview } from './overview/routes.ts'

const api = new Hono<AppEnv>().route('/overview', overview)

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
    .use(requestId({ limitLength: 64 }))
    .use(requestLogger(deps.logger))
    .use(async (c, next) => {
      c.set('db', deps.db)
      c.set('now', deps.clock?.() ?? new Date())
      await next()
    })
    .route('/', health)
    .route('/api/v1', api)

  app.notFound((c) =>
    c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404),
  )
  app.onError((err, c) => {
    if (err instanceof ApiError) return sendError(c, err)
    if (isDatabaseUnavailable(err)) {
      c.var.log.error({ err }, 'database unavailable')
      return c.json(errorBody('database_unavailable', 'The database is not answering'), 503)
    }
    c.var.log.error({ err }, 'unhandled error')
    return c.json(errorBody('internal', 'Something went wrong on our side'), 500)
  })
  if (deps.webRoot) serveSpa(app, deps.webRoot)
  return app
}

/** The API's routes, typed for the SPA's client (`hc<AppType>`). */
export type AppType = typeof api
