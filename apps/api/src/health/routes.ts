import { Hono } from 'hono'
import { sql } from 'kysely'
import type { AppEnv } from '../app-env.ts'

const READY_TIMEOUT_MS = 5_000

// Open routes for load balancers and orchestrators.
export const health = new Hono<AppEnv>()
  .get('/healthz', (c) => c.json({ status: 'ok' }, 200))
  .get('/readyz', async (c) => {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('readiness check timed out')), READY_TIMEOUT_MS)
    })
    try {
      await Promise.race([sql`SELECT 1`.execute(c.var.db), timeout])
      return c.json({ status: 'ok', database: 'ok' }, 200)
    } catch (err) {
      c.var.log.warn({ err }, 'not ready')
      return c.json({ status: 'unavailable', database: 'not answering' }, 503)
    } finally {
      clearTimeout(timer)
    }
  })
