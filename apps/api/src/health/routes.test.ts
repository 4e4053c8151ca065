import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '@opsdeck/db'
import { createApp } from '../app.ts'
import { ErrorEnvelope } from '../lib/openapi.ts'
import { Alive, NotReady, Ready } from './schemas.ts'
import { expectMatches, setupApp } from '../../test/helpers.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

let ctx: Awaited<ReturnType<typeof setupApp>>
beforeAll(async () => {
  ctx = await setupApp()
})
afterAll(() => ctx.drop())

describe('health', () => {
  it('says the process is alive', async () => {
    const res = await ctx.app.request('/healthz')
    expect(res.status).toBe(200)
    expect(expectMatches(Alive, await res.json())).toEqual({ status: 'ok' })
  })

  it('is ready when the database answers', async () => {
    const res = await ctx.app.request('/readyz')
    expect(res.status).toBe(200)
    expectMatches(Ready, await res.json())
  })

  it('is not ready, within 5 s, when the database does not answer', async () => {
    // Nothing listens on port 9 (discard) on loopback: connections are refused at once.
    const db = createDb('postgres://nobody@127.0.0.1:9/none', { connectionTimeoutMs: 1_000 })
    const app = createApp({ db, logger: pino({ level: 'silent' }) })
    const started = Date.now()
    const res = await app.request('/readyz')
    expect(res.status).toBe(503)
    expect(expectMatches(NotReady, await res.json()).status).toBe('unavailable')
    expect(Date.now() - started).toBeLessThan(5_500)
    // A session cookie makes the API look the session up, and that meets the dead database.
    const data = await app.request('/api/v1/overview', {
      headers: { Cookie: 'opsdeck_session=anything' },
    })
    expect(data.status).toBe(503)
    expect(await data.json()).toEqual({
      error: { code: 'database_unavailable', message: 'The database is not answering' },
    })
    await db.destroy()
  })

  it('answers unknown API paths with the error envelope', async () => {
    const res = await ctx.app.request('/api/v1/nope')
    expect(res.status).toBe(404)
    expect(expectMatches(ErrorEnvelope, await res.json()).error.code).toBe('not_found')
  })

  it('answers with a request id of its own, whatever the client sends', async () => {
    const res = await ctx.app.request('/healthz', { headers: { 'X-Request-Id': 'abc-123' } })
    expect(res.headers.get('X-Request-Id')).toMatch(UUID)
    const other = await ctx.app.request('/healthz')
    expect(other.headers.get('X-Request-Id')).toMatch(UUID)
    expect(other.headers.get('X-Request-Id')).not.toBe(res.headers.get('X-Request-Id'))
  })

  it('echoes the request id a trusted proxy sends, when it is usable', async () => {
    const proxied = createApp({
      db: ctx.db,
      logger: pino({ level: 'silent' }),
      auth: { trustedProxy: true },
    })
    const res = await proxied.request('/healthz', { headers: { 'X-Request-Id': 'abc-123' } })
    expect(res.headers.get('X-Request-Id')).toBe('abc-123')
    for (const unusable of ['a b', 'x'.repeat(65), '<script>']) {
      const bad = await proxied.request('/healthz', { headers: { 'X-Request-Id': unusable } })
      expect(bad.headers.get('X-Request-Id')).toMatch(UUID)
    }
  })
})
