import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { gunzipSync } from 'node:zlib'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser, login, postJson, TEST_HASH } from '../../test/helpers.ts'
import { createApp } from '../app.ts'
import { ActorCache } from '../auth/actor-cache.ts'
import { acceptsGzip, type Answer, answerBytes, FiguresCache } from './figures-cache.ts'

const answer = (body: string): Answer => ({ status: 200, type: 'application/json', body })

// A computation the test finishes when it wants, counting how often it was started.
function gate() {
  let calls = 0
  const pending: ((a: Answer) => void)[] = []
  const failing: ((e: Error) => void)[] = []
  return {
    compute: () => {
      calls += 1
      return new Promise<Answer>((resolve, reject) => {
        pending.push(resolve)
        failing.push(reject)
      })
    },
    finish: (body: string) => pending.shift()!(answer(body)) ?? failing.shift(),
    fail: () => {
      pending.shift()
      failing.shift()!(new Error('database away'))
    },
    get calls() {
      return calls
    },
  }
}
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('FiguresCache', () => {
  it('computes once for identical requests at once and answers them all', async () => {
    const cache = new FiguresCache({ ttlMs: 10_000, clock: () => 0 })
    const g = gate()
    const asked = [1, 2, 3].map(() => cache.answer('/a?', g.compute))
    g.finish('one')
    expect((await Promise.all(asked)).map((a) => a.body)).toEqual(['one', 'one', 'one'])
    expect(g.calls).toBe(1)
  })

  it('keeps an answer for its time, refreshes it in the background past half, never serves it older', async () => {
    let now = 0
    const cache = new FiguresCache({ ttlMs: 10_000, clock: () => now })
    const g = gate()
    const first = cache.answer('/a?', g.compute)
    g.finish('at 0')
    await first
    now = 4_999
    expect((await cache.answer('/a?', g.compute)).body).toBe('at 0')
    expect(g.calls).toBe(1)
    // Half its life: still answered at once, while a new one is computed.
    now = 5_000
    expect((await cache.answer('/a?', g.compute)).body).toBe('at 0')
    expect(g.calls).toBe(2)
    expect((await cache.answer('/a?', g.compute)).body).toBe('at 0')
    expect(g.calls).toBe(2)
    g.finish('at 5000')
    await settle()
    expect((await cache.answer('/a?', g.compute)).body).toBe('at 5000')
    // Nobody asked for 10 s: that answer is too old to serve, the request waits for a new one.
    now = 15_000
    const late = cache.answer('/a?', g.compute)
    expect(g.calls).toBe(3)
    g.finish('at 15000')
    expect((await late).body).toBe('at 15000')
  })

  it('keys by the whole key: another query is another answer', async () => {
    const cache = new FiguresCache({ ttlMs: 10_000, clock: () => 0 })
    const g = gate()
    const a = cache.answer('/a?from=1', g.compute)
    const b = cache.answer('/a?from=2', g.compute)
    g.finish('1')
    g.finish('2')
    expect([(await a).body, (await b).body]).toEqual(['1', '2'])
  })

  it('forgets everything on invalidate, and drops a computation that started before it', async () => {
    let now = 0
    const cache = new FiguresCache({ ttlMs: 10_000, clock: () => now })
    const g = gate()
    const first = cache.answer('/a?', g.compute)
    g.finish('before')
    await first
    now = 6_000
    await cache.answer('/a?', g.compute) // starts a background refresh
    cache.invalidate()
    g.finish('refresh from before the write')
    await settle()
    const after = cache.answer('/a?', g.compute)
    g.finish('after the write')
    expect((await after).body).toBe('after the write')
    expect(g.calls).toBe(3)
  })

  it('keeps no failure: the next request computes again; a failed refresh keeps the answer', async () => {
    let now = 0
    const cache = new FiguresCache({ ttlMs: 10_000, clock: () => now })
    const g = gate()
    const failed = cache.answer('/a?', g.compute)
    g.fail()
    await expect(failed).rejects.toThrow('database away')
    const again = cache.answer('/a?', g.compute)
    g.finish('ok')
    expect((await again).body).toBe('ok')
    now = 6_000
    await cache.answer('/a?', g.compute)
    g.fail()
    await settle()
    expect((await cache.answer('/a?', g.compute)).body).toBe('ok')
  })

  it('holds at most its byte budget, dropping the oldest answers first', async () => {
    const each = answerBytes('a', answer('0123456789'))
    const cache = new FiguresCache({ ttlMs: 10_000, maxBytes: 2 * each, clock: () => 0 })
    for (const key of ['a', 'b', 'c'])
      await cache.answer(key, () => Promise.resolve(answer('0123456789')))
    // a went to make room for c.
    expect(cache.size).toBe(2)
    let computed = false
    await cache.answer('a', () => {
      computed = true
      return Promise.resolve(answer('x'))
    })
    expect(computed).toBe(true)
  })

  it('counts the key: long query strings with small answers do not outgrow the budget', async () => {
    const cache = new FiguresCache({ ttlMs: 10_000, maxBytes: 1_000_000, clock: () => 0 })
    const notFound = answer('{"error":{"code":"service_not_found","message":"No such service"}}')
    // A reader's distinct 8 kB query strings, each answered by a short 404.
    for (let i = 0; i < 200; i++)
      await cache.answer(`primary /api/v1/services/nope?x=${i}${'y'.repeat(8_000)}`, () =>
        Promise.resolve(notFound),
      )
    expect(answerBytes('k'.repeat(8_000), notFound)).toBeGreaterThan(16_000)
    expect(cache.size).toBeLessThanOrEqual(1_000_000 / 16_000)
    expect(cache.size).toBeGreaterThan(0)
  })
})

describe('acceptsGzip', () => {
  it('takes gzip when named or `*` with a weight above zero', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true)
    expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true)
    expect(acceptsGzip('*')).toBe(true)
    expect(acceptsGzip('gzip;q=0')).toBe(false)
    expect(acceptsGzip('gzip; q=0.000, identity')).toBe(false)
    expect(acceptsGzip('identity, gzipped')).toBe(false)
    expect(acceptsGzip(undefined)).toBe(false)
  })
})

describe('the app with its caches', () => {
  let database: TestDatabase
  let now = Date.now()
  let app: ReturnType<typeof createApp>
  let headers: { Cookie: string }
  beforeAll(async () => {
    database = await createTestDatabase()
    app = createApp({
      db: database.db,
      logger: pino({ level: 'error' }),
      auth: { hash: TEST_HASH },
      figures: new FiguresCache({ ttlMs: 10_000, clock: () => now }),
      actors: new ActorCache(5_000),
    })
    await database.db
      .insertInto('services')
      .values({ slug: 'payments', name: 'Payments', tier: 1, sloTarget: 0.999 })
      .execute()
    const { cookie } = await login({ app }, await createUser(database.db, 'manager'))
    headers = { Cookie: cookie }
  })
  afterAll(() => database.drop())

  const serviceName = async () => {
    const res = await app.request('/api/v1/services', { headers })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
    return ((await res.json()) as { services: { name: string }[] }).services[0]!.name
  }
  const rename = (name: string) =>
    database.db.updateTable('services').set({ name }).where('slug', '=', 'payments').execute()

  it('serves the list computed within the staleness, then computes it again', async () => {
    expect(await serviceName()).toBe('Payments')
    await rename('Payments (renamed in SQL)')
    expect(await serviceName()).toBe('Payments')
    now += 10_000
    expect(await serviceName()).toBe('Payments (renamed in SQL)')
  })

  it('forgets the figures after a write through the API, not after a refused one', async () => {
    await serviceName()
    await rename('Payments v2')
    const refused = await postJson(
      { app },
      '/api/v1/teams',
      { slug: 'NOT A SLUG', name: 'x' },
      headers,
    )
    expect(refused.status).toBe(400)
    expect(await serviceName()).not.toBe('Payments v2')
    const created = await postJson({ app }, '/api/v1/teams', { slug: 'sre', name: 'SRE' }, headers)
    expect(created.status).toBe(201)
    expect(await serviceName()).toBe('Payments v2')
  })

  it('gives each request its own id on a shared answer', async () => {
    const [a, b] = await Promise.all([
      app.request('/api/v1/services', { headers }),
      app.request('/api/v1/services', { headers }),
    ])
    expect(a.headers.get('X-Request-Id')).not.toBe(b.headers.get('X-Request-Id'))
    expect(await a.text()).toBe(await b.text())
  })

  it('sends the answer gzipped to a client that takes it, compressed once', async () => {
    const plain = await (await app.request('/api/v1/services', { headers })).text()
    const res = await app.request('/api/v1/services', {
      headers: { ...headers, 'Accept-Encoding': 'gzip, deflate, br' },
    })
    expect(res.headers.get('Content-Encoding')).toBe('gzip')
    expect(res.headers.get('Vary')).toMatch(/Accept-Encoding/)
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.length).toBeLessThan(plain.length)
    expect(gunzipSync(body).toString()).toBe(plain)
  })

  it('keeps the figures after an anonymous sign-out: it changed nothing (anyone may send one)', async () => {
    expect(await serviceName()).toBe('Payments v2')
    await rename('Payments v3')
    const out = await postJson({ app }, '/api/v1/auth/logout', {}, {})
    expect(out.status).toBe(204)
    expect(await serviceName()).toBe('Payments v2')
    now += 10_000
    expect(await serviceName()).toBe('Payments v3')
  })

  it('keeps the figures after a preview, which writes nothing', async () => {
    expect(await serviceName()).toBe('Payments v3')
    await rename('Payments v4')
    for (const path of [
      '/api/v1/projects/imports/actuals/preview',
      '/api/v1/capacity/imports/people/preview',
    ]) {
      const preview = await postJson({ app }, path, { csv: 'not,a\nknown,file' }, headers)
      expect(preview.status, path).toBe(200)
    }
    expect(await serviceName()).toBe('Payments v3')
    now += 10_000
    expect(await serviceName()).toBe('Payments v4')
  })

  it('refuses the session a browser held at once when it signs in again', async () => {
    const user = await createUser(database.db, 'viewer')
    const { cookie: before } = await login({ app }, user)
    const me = () => app.request('/api/v1/auth/me', { headers: { Cookie: before } })
    expect((await me()).status).toBe(200)
    const again = await postJson(
      { app },
      '/api/v1/auth/login',
      { email: user.email, password: user.password },
      { Cookie: before },
    )
    expect(again.status).toBe(200)
    expect((await me()).status).toBe(401)
  })

  it('refuses a signed-out session at once, though who it was is remembered', async () => {
    const { cookie } = await login({ app }, await createUser(database.db, 'viewer'))
    const me = () => app.request('/api/v1/auth/me', { headers: { Cookie: cookie } })
    expect((await me()).status).toBe(200)
    const out = await postJson({ app }, '/api/v1/auth/logout', {}, { Cookie: cookie })
    expect(out.status).toBeLessThan(300)
    expect((await me()).status).toBe(401)
  })
})
