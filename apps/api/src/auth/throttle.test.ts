import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import {
  createUser,
  login,
  postJson,
  SAME_ORIGIN,
  setupApp,
  TEST_HASH,
  type TestApp,
} from '../../test/helpers.ts'
import pino from 'pino'
import type { LoginLimits } from './config.ts'

const START = new Date('2026-11-04T09:00:00Z')
const MINUTE = 60_000

let ctx: TestApp
beforeAll(async () => {
  ctx = await setupApp(START)
})
beforeEach(() => {
  ctx.clock.now = START
})
afterAll(() => ctx.drop())

let nextAddress = 0
const freshAddress = () => `203.0.113.${++nextAddress}`

// app.request with the Node server's bindings, so getConnInfo sees a TCP peer address.
function attempt(
  body: { email: string; password: string },
  address: string,
  app = ctx.app,
  headers: Record<string, string> = {},
) {
  return app.request(
    '/api/v1/auth/login',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...SAME_ORIGIN, ...headers },
      body: JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: address } } },
  )
}

describe('login rate limit', () => {
  it('stops an account after 10 failures in 15 minutes, right password or not', async () => {
    const user = await createUser(ctx.db)
    const wrong = { email: user.email, password: 'wrong-password-x' }
    for (let i = 0; i < 10; i++) {
      ctx.clock.now = new Date(START.getTime() + i * MINUTE)
      expect((await attempt(wrong, freshAddress())).status).toBe(401)
    }
    // 10th failure at START + 9 min: the first (at START) leaves the window at START + 15 min.
    const blocked = await attempt(user, freshAddress())
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('retry-after')).toBe(String(15 * 60 - 9 * 60))
    expect(await blocked.json()).toEqual({
      error: { code: 'rate_limited', message: 'Too many sign-in attempts; try again in 6 minutes' },
    })
    // Another account from the same place is not affected.
    const other = await createUser(ctx.db)
    expect((await attempt(other, freshAddress())).status).toBe(200)
    // Once the oldest failure is out of the window, one more try is allowed.
    ctx.clock.now = new Date(START.getTime() + 15 * MINUTE + 1)
    expect((await attempt(user, freshAddress())).status).toBe(200)
  })

  it('stops an address after 30 failures in 15 minutes, whichever accounts it tries', async () => {
    const address = freshAddress()
    for (let i = 0; i < 30; i++) {
      const res = await attempt(
        { email: `guess-${i}@test.local`, password: 'guess-password' },
        address,
      )
      expect(res.status).toBe(401)
    }
    const user = await createUser(ctx.db)
    const blocked = await attempt(user, address)
    expect(blocked.status).toBe(429)
    expect(Number(blocked.headers.get('retry-after'))).toBe(15 * 60)
    expect((await attempt(user, freshAddress())).status).toBe(200)
  })

  it('forgets an account’s failures once its owner signs in', async () => {
    const user = await createUser(ctx.db)
    for (let i = 0; i < 9; i++) {
      await attempt({ email: user.email, password: 'wrong-password-x' }, freshAddress())
    }
    expect((await attempt(user, freshAddress())).status).toBe(200)
    for (let i = 0; i < 9; i++) {
      await attempt({ email: user.email, password: 'wrong-password-x' }, freshAddress())
    }
    expect((await attempt(user, freshAddress())).status).toBe(200)
  })

  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    const address = freshAddress()
    for (let i = 0; i < 30; i++) {
      await attempt(
        { email: `spoof-${i}@test.local`, password: 'guess-password' },
        address,
        ctx.app,
        {
          'X-Forwarded-For': `198.51.100.${i}`,
        },
      )
    }
    const user = await createUser(ctx.db)
    expect((await attempt(user, address)).status).toBe(429)
  })

  it('behind a trusted proxy, keys on the address the proxy appended', async () => {
    const proxied = createApp({
      db: ctx.db,
      logger: pino({ level: 'silent' }),
      clock: () => ctx.clock.now,
      auth: { hash: TEST_HASH, trustedProxy: true },
    })
    const proxy = freshAddress()
    const client = '192.0.2.77'
    for (let i = 0; i < 30; i++) {
      // The left-most entry is whatever the client claims; the proxy appends what it saw.
      await attempt({ email: `p-${i}@test.local`, password: 'guess-password' }, proxy, proxied, {
        'X-Forwarded-For': `10.0.0.${i}, ${client}`,
      })
    }
    const user = await createUser(ctx.db)
    const blocked = await attempt(user, proxy, proxied, { 'X-Forwarded-For': client })
    expect(blocked.status).toBe(429)
    const elsewhere = await attempt(user, proxy, proxied, { 'X-Forwarded-For': '192.0.2.78' })
    expect(elsewhere.status).toBe(200)
  })
})

// The same database under tighter limits, so that a burst far outnumbers the limit.
function strictApp(limits: Partial<LoginLimits>) {
  return createApp({
    db: ctx.db,
    logger: pino({ level: 'silent' }),
    clock: () => ctx.clock.now,
    auth: {
      hash: TEST_HASH,
      loginLimits: { windowMs: 15 * MINUTE, perAccount: 10, perAddress: 30, ...limits },
    },
  })
}

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {})

describe('login rate limit under parallel attempts', () => {
  it('lets no more than the account’s limit through a burst of wrong passwords', async () => {
    const app = strictApp({ perAccount: 3 })
    const user = await createUser(ctx.db)
    const wrong = { email: user.email, password: 'wrong-password-x' }
    const burst = await Promise.all(
      Array.from({ length: 40 }, async () => attempt(wrong, freshAddress(), app)),
    )
    expect(tally(burst.map((r) => r.status))).toEqual({ 401: 3, 429: 37 })
    // The right password is refused too: the account is out of attempts.
    expect((await attempt(user, freshAddress(), app)).status).toBe(429)
  })

  it('lets no more than the address’s limit through a burst over many accounts', async () => {
    const app = strictApp({ perAddress: 5 })
    const address = freshAddress()
    const burst = await Promise.all(
      Array.from({ length: 40 }, async (_, i) =>
        attempt({ email: `burst-${i}@test.local`, password: 'guess-password' }, address, app),
      ),
    )
    expect(tally(burst.map((r) => r.status))).toEqual({ 401: 5, 429: 35 })
  })

  it('does not count a sign-in with the right password as a failure', async () => {
    const app = strictApp({ perAddress: 3 })
    const address = freshAddress()
    const guess = (i: number) =>
      attempt({ email: `right-${i}@test.local`, password: 'guess-password' }, address, app)
    expect((await guess(1)).status).toBe(401)
    expect((await guess(2)).status).toBe(401)
    const user = await createUser(ctx.db)
    expect((await attempt(user, address, app)).status).toBe(200)
    // Two failures so far: one more is allowed, then the address is stopped.
    expect((await guess(3)).status).toBe(401)
    expect((await guess(4)).status).toBe(429)
  })
})

describe('password change rate limit', () => {
  const change = (app: ReturnType<typeof strictApp>, cookie: string, currentPassword: string) =>
    postJson(
      { app },
      '/api/v1/auth/password',
      { currentPassword, newPassword: 'a-new-password-123' },
      { Cookie: cookie },
    )

  it('lets no more than the account’s limit through a burst of wrong current passwords', async () => {
    const app = strictApp({ perAccount: 3 })
    const user = await createUser(ctx.db)
    const { cookie } = await login({ app }, user)
    const burst = await Promise.all(
      Array.from({ length: 20 }, async () => change(app, cookie, 'wrong-password-x')),
    )
    expect(tally(burst.map((r) => r.status))).toEqual({ 422: 3, 429: 17 })
    expect((await change(app, cookie, user.password)).status).toBe(429)
  })

  it('does not count a change with the right current password as a failure', async () => {
    const app = strictApp({ perAccount: 3 })
    const user = await createUser(ctx.db)
    const { cookie } = await login({ app }, user)
    expect((await change(app, cookie, 'wrong-password-x')).status).toBe(422)
    expect((await change(app, cookie, 'wrong-password-y')).status).toBe(422)
    expect((await change(app, cookie, user.password)).status).toBe(204)
    expect((await change(app, cookie, 'wrong-password-z')).status).toBe(422)
    expect((await change(app, cookie, 'a-new-password-123')).status).toBe(429)
  })
})
