import { Hono } from 'hono'
import { sql } from 'kysely'
import type { AppEnv } from '../app-env.ts'
import { doc } from '../lib/openapi.ts'
import { Alive, NotReady, Ready } from './schemas.ts'

const READY_TIMEOUT_MS = 3_000
const tags = ['health']

// Open routes for load balancers and orchestrators. /healthz: the process runs. /readyz: send it
// traffic (the database answers on a connection of its own, not a pool seat, so a saturated pool
// does not look like an outage; and the process is not shutting down).
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
