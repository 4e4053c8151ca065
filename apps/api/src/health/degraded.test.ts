import { Writable } from 'node:stream'
import { createPool, kyselyOver } from '@opsdeck/db'
import { sql } from 'kysely'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { errorEnvelope } from '../lib/openapi.ts'
import { OutageLog } from '../lib/outage.ts'
import { NotReady } from './schemas.ts'
import { createUser, expectMatches, setupApp, TEST_HASH } from '../../test/helpers.ts'

// How the app answers when it is shutting down, its pool is full, or its database is gone; and
// what it logs then. The fault suite (apps/api/faults) does the same to a real process.

function memoryLogger() {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)
      done()
    },
  })
  return { logger: pino({ level: 'debug' }, stream), lines }
}

let ctx: Awaited<ReturnType<typeof setupApp>>
beforeAll(async () => {
  ctx = await setupApp()
})
afterAll(() => ctx.drop())

describe('a degraded app', () => {
  it('is not ready while draining, and closes every connection it answers', async () => {
    const app = createApp({ db: ctx.db, logger: pino({ level: 'silent' }), draining: () => true })
    const ready = await app.request('/readyz')
    expect(ready.status).toBe(503)
    expect(expectMatches(NotReady, await ready.json())).toEqual({
      status: 'draining',
      database: 'not checked',
    })
    expect(ready.headers.get('Connection')).toBe('close')
    expect((await app.request('/healthz')).headers.get('Connection')).toBe('close')
    const normal = await ctx.app.request('/healthz')
    expect(normal.headers.get('Connection')).toBeNull()
  })

  it('answers a full pool with 503 overloaded and Retry-After, while /readyz stays 200', async () => {
    const pool = createPool(ctx.url, { max: 1, queueTimeoutMs: 50 })
    const db = kyselyOver(pool)
    const app = createApp({
      db,
      logger: pino({ level: 'silent' }),
      ping: (ms) => pool.ping(ms),
      auth: { hash: TEST_HASH },
    })
    const holding = sql`SELECT pg_sleep(1)`.execute(db)
    const res = await app.request('/api/v1/overview', {
      headers: { Cookie: 'opsdeck_session=anything' },
    })
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('1')
    expectMatches(errorEnvelope(['overloaded']), await res.json())
    expect((await app.request('/readyz')).status).toBe(200)
    await holding
    await db.destroy()
  })

  it('logs an outage once, with no stack, and the matched route of each request', async () => {
    const { logger, lines } = memoryLogger()
    const outage = new OutageLog(logger)
    const pool = createPool('postgres://nobody@127.0.0.1:9/none', {
      connectionTimeoutMs: 500,
      connectRetryMs: 0,
      onStatus: outage.onStatus,
    })
    const db = kyselyOver(pool)
    const app = createApp({ db, logger, outage })
    for (let i = 0; i < 5; i++) {
      const res = await app.request('/api/v1/users/7/unlock', {
        method: 'POST',
        headers: { Cookie: 'opsdeck_session=anything', 'Sec-Fetch-Site': 'same-origin' },
      })
      expect(res.status).toBe(503)
      expect(res.headers.get('Retry-After')).toBe('2')
    }
    expect(lines.filter((l) => l.msg === 'database unavailable')).toHaveLength(1)
    expect(JSON.stringify(lines)).not.toContain('"stack"')
    const requests = lines.filter((l) => l.msg === 'request')
    expect(requests.map((l) => l.route)).toEqual(Array(5).fill('/api/v1/users/:id/unlock'))
    await db.destroy()
  })

  it('logs a client that went away mid-body as 499, not as a database outage', async () => {
    const { logger, lines } = memoryLogger()
    const outage = new OutageLog(logger)
    const app = createApp({ db: ctx.db, logger, outage, auth: { hash: TEST_HASH } })
    const gone = new AbortController()
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"email":'))
        gone.abort()
        controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))
      },
    })
    const req = new Request('http://localhost/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
      body,
      duplex: 'half',
      signal: gone.signal,
    })
    const res = await app.fetch(req)
    expect(res.status).toBe(499)
    expect(lines.some((l) => l.msg === 'client closed the request')).toBe(true)
    expect(lines.some((l) => l.msg === 'database unavailable')).toBe(false)
  })

  it('logs the route pattern, not the path, for a served request', async () => {
    const { logger, lines } = memoryLogger()
    const admin = await createUser(ctx.db, 'admin')
    const app = createApp({ db: ctx.db, logger, auth: { hash: TEST_HASH } })
    const res = await app.request(`/api/v1/users/${admin.id}`, { method: 'PATCH' })
    expect(res.status).toBe(401)
    const line = lines.find((l) => l.msg === 'request')
    expect(line).toMatchObject({ route: '/api/v1/users/:id', path: `/api/v1/users/${admin.id}` })
  })
})
