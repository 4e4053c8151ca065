import { Hono } from 'hono'
import type { UnofficialStatusCode } from 'hono/utils/http-status'
import { isDatabaseUnavailable, isPoolOverloaded, isStatementTimeout } from '@opsdeck/db'
import type { AppDeps, AppEnv } from './app-env.ts'
import { audit } from './audit/routes.ts'
import { authenticate } from './auth/authenticate.ts'
import { DEFAULT_AUTH_CONFIG } from './auth/config.ts'
import { csrfGuard } from './auth/csrf.ts'
import { WorkRefusedError } from './auth/hash-limit.ts'
import { dummyHash } from './auth/password.ts'
import { auth } from './auth/routes.ts'
import { allocations } from './capacity/allocations/routes.ts'
import { closureDays } from './capacity/calendar/closure-day-routes.ts'
import { responderHours } from './capacity/calendar/responder-hours-routes.ts'
import { timeOff } from './capacity/calendar/time-off-routes.ts'
import { capacity } from './capacity/routes.ts'
import { people } from './capacity/people/routes.ts'
import { teams } from './capacity/teams/routes.ts'
import { health } from './health/routes.ts'
import { incidents } from './incidents/routes.ts'
import { integrations } from './integrations/routes.ts'
import { errorBody } from './lib/errors.ts'
import { forgetFiguresOnWrite } from './lib/figures-cache.ts'
import { requestLogger } from './lib/logger.ts'
import { Metrics } from './lib/metrics.ts'
import { OutageLog } from './lib/outage.ts'
import { readRouting } from './lib/read-routing.ts'
import { requestIds } from './lib/request-id.ts'
import { limitBody, securityHeaders } from './lib/security.ts'
import { serveSpa } from './lib/spa.ts'
import { serveOpenApi } from './openapi.ts'
import { overview } from './overview/routes.ts'
import { projects } from './projects/routes.ts'
import { reports } from './reports/routes.ts'
import { shared } from './reports/share/public-routes.ts'
import { portfolio } from './projects/portfolio/routes.ts'
import { suppliers } from './projects/suppliers/routes.ts'
import { businessServices, checks, services } from './services/routes.ts'
import { settings } from './settings/routes.ts'
import { tokens } from './tokens/routes.ts'
import { users } from './users/routes.ts'

// Every route states who may call it with access(…); auth/matrix.test.ts holds each one to it.
const api = new Hono<AppEnv>()
  .use(async (c, next) => {
    await next()
    // Answers depend on who asks: no shared cache may keep them.
    c.header('Cache-Control', 'no-store')
  })
  .use(limitBody())
  .use(forgetFiguresOnWrite())
  .use(csrfGuard())
  .use(authenticate())
  .route('/auth', auth)
  .route('/users', users)
  .route('/tokens', tokens)
  .route('/audit', audit)
  .route('/overview', overview)
  .route('/settings', settings)
  .route('/services', services)
  .route('/business-services', businessServices)
  .route('/checks', checks)
  .route('/incidents', incidents)
  .route('/people', people)
  .route('/teams', teams)
  .route('/integrations', integrations)
  .route('/projects', projects)
  .route('/portfolio', portfolio)
  .route('/suppliers', suppliers)
  .route('/capacity', capacity)
  .route('/allocations', allocations)
  .route('/time-off', timeOff)
  .route('/closure-days', closureDays)
  .route('/incidents', responderHours)
  .route('/reports', reports)
  .route('/shared', shared)

export function createApp(deps: AppDeps) {
  const authConfig = { ...DEFAULT_AUTH_CONFIG, ...deps.auth }
  // Made now, so that even the first sign-in with an unknown email takes no longer than others.
  dummyHash(authConfig.hash).catch(() => {})
  const outage = deps.outage ?? new OutageLog(deps.logger)
  const metrics = deps.metrics === undefined ? new Metrics() : deps.metrics
  metrics?.watchPool('request', deps.db)
  if (deps.replica) metrics?.watchPool('replica', deps.replica)
  const app = new Hono<AppEnv>()
  // First, so that it times all the others; none at all when switched off.
  if (metrics) app.use(metrics.http())
  app
    .use(async (c, next) => {
      await next()
      // Shutting down: every answer closes its connection, so keep-alive clients move on.
      if (deps.draining?.()) c.header('Connection', 'close')
    })
    .use(securityHeaders())
    .use(requestIds(authConfig.trustedProxy))
    .use(requestLogger(deps.logger))
    .use(async (c, next) => {
      c.set('db', deps.db)
      c.set('now', deps.clock?.() ?? new Date())
      c.set('auth', authConfig)
      c.set('actor', null)
      c.set('health', { ping: deps.ping, draining: deps.draining ?? (() => false) })
      c.set('pdf', deps.pdf)
      c.set('metrics', metrics)
      c.set('figures', deps.figures)
      c.set('actors', deps.actors)
      await next()
    })
    .use(readRouting(deps.replica))
    .route('/', health)
    .route('/api/v1', api)

  app.notFound((c) =>
    c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404),
  )
  app.onError((err, c) => {
    // The client went away (mid-body, say): nobody to answer, and not the database's fault.
    if (c.req.raw.signal.aborted) {
      c.var.log.info({ error: { message: err.message } }, 'client closed the request')
      return c.body(null, 499 as UnofficialStatusCode)
    }
    // Overload and outages are the server's state, not a fault of this request: no stack per
    // request (OutageLog writes one line when the database goes and one when it comes back).
    if (isPoolOverloaded(err) || err instanceof WorkRefusedError) {
      c.header('Retry-After', '1')
      const message =
        err instanceof WorkRefusedError
          ? err.message
          : 'Too many requests at once: try again shortly'
      return c.json(errorBody('overloaded', message), 503)
    }
    if (isDatabaseUnavailable(err)) {
      outage.countRefused()
      c.header('Retry-After', '2')
      return c.json(errorBody('database_unavailable', 'The database is not answering'), 503)
    }
    if (isStatementTimeout(err)) {
      c.var.log.warn({ error: { message: err.message } }, 'query cancelled by statement_timeout')
      c.header('Retry-After', '5')
      return c.json(errorBody('database_timeout', 'The database took too long to answer'), 503)
    }
    c.var.log.error({ err }, 'unhandled error')
    return c.json(errorBody('internal', 'Something went wrong on our side'), 500)
  })
  serveOpenApi(app)
  if (deps.webRoot) serveSpa(app, deps.webRoot)
  return app
}

/** The API's routes, typed for the SPA's client (`hc<AppType>`). */
export type AppType = typeof api
