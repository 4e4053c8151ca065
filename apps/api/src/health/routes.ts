import { Hono, type MiddlewareHandler } from 'hono'
import { describeRoute } from 'hono-openapi'
import { sql } from 'kysely'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { authenticate } from '../auth/authenticate.ts'
import { errorBody } from '../lib/errors.ts'
import { doc, errorResponses } from '../lib/openapi.ts'
import { Alive, NotReady, Ready } from './schemas.ts'

const READY_TIMEOUT_MS = 3_000
const tags = ['health']

// doc() describes JSON bodies only; this one is Prometheus text.
const metricsDoc = describeRoute({
  summary: "This process's metrics, in Prometheus text format",
  description:
    'Requests by route pattern and status, database pools, query errors, ingest, prober checks, worker jobs and report deliveries, and the process (CPU, memory, event-loop lag). Needs a `read` token. 404 when OPSDECK_METRICS=off.',
  tags,
  responses: {
    200: {
      description: 'Prometheus text exposition format 0.0.4',
      content: { 'text/plain': { schema: { type: 'string' } } },
    },
    ...errorResponses(['not_found']),
  },
})

function metricsOn(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.var.metrics) return c.json(errorBody('not_found', 'Metrics are switched off'), 404)
    await next()
  }
}

// Routes at the root for load balancers, orchestrators and Prometheus. /healthz (open): the
// process runs. /readyz (open): send it traffic (the database answers on a connection of its own,
// not a pool seat, so a saturated pool does not look like an outage; and the process is not
// shutting down). /metrics: a `read` token.
export const health = new Hono<AppEnv>()
  .get('/healthz', doc({ summary: 'The process runs', tags, responses: { 200: Alive } }), (c) =>
    c.json({ status: 'ok' }, 200),
  )
  .get(
    '/readyz',
    doc({ summary: 'Send it traffic?', tags, responses: { 200: Ready, 503: NotReady } }),
    async (c) => {
      const { ping, draining } = c.var.health
      if (draining()) return c.json({ status: 'draining', database: 'not checked' }, 503)
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('readiness check timed out')), READY_TIMEOUT_MS)
      })
      try {
        const check = ping ? ping(READY_TIMEOUT_MS) : sql`SELECT 1`.execute(c.var.db)
        await Promise.race([check, timeout])
        return c.json({ status: 'ok', database: 'ok' }, 200)
      } catch (err) {
        c.var.log.debug({ error: { message: (err as Error).message } }, 'not ready')
        return c.json({ status: 'unavailable', database: 'not answering' }, 503)
      } finally {
        clearTimeout(timer)
      }
    },
  )
  // Prometheus scrapes with a `read` token (a signed-in person may look too: `read` allows any).
  // Switched off (OPSDECK_METRICS=off), it is not there for anyone: 404 before any sign-in check.
  .get('/metrics', metricsDoc, metricsOn(), authenticate(), access('read'), async (c) => {
    const metrics = c.var.metrics!
    const text = await metrics.text()
    return c.body(text, 200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' })
  })
