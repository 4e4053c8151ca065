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
import { DEFAULT_AUTH_CONFIG, type LoginLimits } from './config.ts'
import { loginKeys } from './throttle.ts'

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
  it('stops an address after 10 failures on an account, while the owner signs in from elsewhere', async () => {
    const user = await createUser(ctx.db)
    const attacker = freshAddress()
    const wrong = { email: user.email, password: 'wrong-password-x' }
    for (let i = 0; i < 10; i++) {
      ctx.clock.now = new Date(START.getTime() + i * MINUTE)
      expect((await attempt(wrong, attacker)).status).toBe(401)
    }
    // 10th failure at START + 9 min: the first (at START) leaves the window at START + 15 min.
    const blocked = await attempt(user, attacker)
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('retry-after')).toBe(String(15 * 60 - 9 * 60))
    expect(await blocked.json()).toEqual({
      error: { code: 'rate_limited', message: 'Too many sign-in attempts; try again in 6 minutes' },
    })
    // The owner, from an address that has not been failing, gets in at once.
    expect((await attempt(user, freshAddress())).status).toBe(200)
    // Another account from the attacker's address is not affected.
    const other = await createUser(ctx.db)
    expect((await attempt(other, attacker)).status).toBe(200)
    // Once the oldest failure is out of the window, one more try is allowed.
    ctx.clock.now = new Date(START.getTime() + 15 * MINUTE + 1)
    expect((await attempt(user, attacker)).status).toBe(200)
  })

  it('slows an address down from its third failure on an account: 1 s, then 2 s, 4 s …', async () => {
    const user = await createUser(ctx.db)
    const address = freshAddress()
    const wrong = { email: user.email, password: 'wrong-password-x' }
    const at = (seconds: number) => (ctx.clock.now = new Date(START.getTime() + seconds * 1000))
    for (let i = 0; i < 3; i++) expect((await attempt(wrong, address)).status).toBe(401)
    const slowed = await attempt(user, address)
    expect(slowed.status).toBe(429)
    expect(slowed.headers.get('retry-after')).toBe('1')
    at(1)
    expect((await attempt(wrong, address)).status).toBe(401)
    expect((await attempt(wrong, address)).headers.get('retry-after')).toBe('2')
    at(3)
    expect((await attempt(user, address)).status).toBe(200)
    // Signing in wipes this address's record on the account: no delay any more.
    expect((await attempt(wrong, address)).status).toBe(401)
    expect((await attempt(wrong, address)).status).toBe(401)
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

  it('behind a trusted proxy, counts each address once however it is written, and IPv6 by its /64', async () => {
    const proxied = createApp({
      db: ctx.db,
      logger: pino({ level: 'silent' }),
      clock: () => ctx.clock.now,
      auth: { hash: TEST_HASH, trustedProxy: true },
    })
    const from = (body: { email: string; password: string }, client: string) =>
      attempt(body, freshAddress(), proxied, { 'X-Forwarded-For': client })
    const user = await createUser(ctx.db)
    const wrong = { email: user.email, password: 'wrong-password-x' }
    const spellings = ['2001:db8::1', '2001:DB8::1', '2001:0db8::0001', '2001:db8::2:0:0:9']
    for (let i = 0; i < 10; i++) {
      ctx.clock.now = new Date(START.getTime() + i * MINUTE)
      expect((await from(wrong, spellings[i % spellings.length]!)).status).toBe(401)
    }
    // One network: refused from any address of the /64, not from the next /64.
    expect((await from(user, '2001:db8:0:0:ffff::1')).status).toBe(429)
    expect((await from(user, '2001:db8:0:1::1')).status).toBe(200)

    const mapped = await createUser(ctx.db)
    const guess = { email: mapped.email, password: 'wrong-password-x' }
    for (let i = 0; i < 10; i++) {
      ctx.clock.now = new Date(START.getTime() + i * MINUTE)
      const client = i % 2 ? '198.51.100.9' : '::ffff:198.51.100.9'
      expect((await from(guess, client)).status).toBe(401)
    }
    expect((await from(mapped, '198.51.100.9')).status).toBe(429)
  })

  it('behind a trusted proxy, takes a forwarded value that is no address for the proxy’s own', async () => {
    const proxied = createApp({
      db: ctx.db,
      logger: pino({ level: 'silent' }),
      clock: () => ctx.clock.now,
      auth: { hash: TEST_HASH, trustedProxy: true },
    })
    const proxy = freshAddress()
    const user = await createUser(ctx.db)
    const wrong = { email: user.email, password: 'wrong-password-x' }
    const junk = ['not-an-ip', 'x'.repeat(8_000), '203.0.113.1:8080', '999.1.1.1']
    for (let i = 0; i < 10; i++) {
      ctx.clock.now = new Date(START.getTime() + i * MINUTE)
      const res = await attempt(wrong, proxy, proxied, {
        'X-Forwarded-For': junk[i % junk.length]!,
      })
      expect(res.status).toBe(401)
    }
    expect((await attempt(user, proxy, proxied, { 'X-Forwarded-For': 'junk' })).status).toBe(429)
    expect((await attempt(user, proxy, proxied)).status).toBe(429)
    const keys = await ctx.db.selectFrom('loginFailures').select('key').execute()
    expect(keys.filter((k) => k.key.includes('not-an-ip') || k.key.includes('xxxx'))).toEqual([])
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
      loginLimits: { ...DEFAULT_AUTH_CONFIG.loginLimits, ...limits },
    },
  })
}

const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {})

describe('login rate limit under parallel attempts', () => {
  it('lets no more than the limit through a burst of wrong passwords from one address', async () => {
    const app = strictApp({ perAccountAddress: 3 })
    const user = await createUser(ctx.db)
    const attacker = freshAddress()
    const wrong = { email: user.email, password: 'wrong-password-x' }
    const burst = await Promise.all(
      Array.from({ length: 40 }, async () => attempt(wrong, attacker, app)),
    )
    expect(tally(burst.map((r) => r.status))).toEqual({ 401: 3, 429: 37 })
    // That address is out of attempts on the account, right password or not; the owner is not.
    expect((await attempt(user, attacker, app)).status).toBe(429)
    expect((await attempt(user, freshAddress(), app)).status).toBe(200)
  })

  it('lets 100 parallel sign-ins with the right password all through', async () => {
    const user = await createUser(ctx.db)
    const address = freshAddress()
    const burst = await Promise.all(Array.from({ length: 100 }, async () => attempt(user, address)))
    expect(tally(burst.map((r) => r.status))).toEqual({ 200: 100 })
    const left = await ctx.db.selectFrom('loginFailures').select('key').execute()
    expect(left.map((r) => r.key).filter((k) => k.includes(user.email))).toEqual([])
  })

  it('past the account’s ceiling, gives each address one guess and the owner still a way in', async () => {
    const app = strictApp({ perAccount: 5 })
    const user = await createUser(ctx.db)
    const wrong = { email: user.email, password: 'wrong-password-x' }
    // Below the ceiling an address has its own budget of 10.
    const early = freshAddress()
    for (let i = 0; i < 2; i++) expect((await attempt(wrong, early, app)).status).toBe(401)
    // A distributed attack: 30 addresses at once, each trying once, pushes the account past it.
    const bots = Array.from({ length: 30 }, freshAddress)
    const first = await Promise.all(bots.map(async (a) => attempt(wrong, a, app)))
    expect(tally(first.map((r) => r.status))).toEqual({ 401: 30 })
    // Now every address that has failed on the account waits, the early one too.
    const second = await Promise.all([...bots, early].map(async (a) => attempt(wrong, a, app)))
    expect(tally(second.map((r) => r.status))).toEqual({ 429: 31 })
    expect(Number(second[0]!.headers.get('retry-after'))).toBe(15 * 60)
    // An address that has not failed may still try: the owner gets in.
    expect((await attempt(user, freshAddress(), app)).status).toBe(200)
    // Once the attack is out of the window, the ceiling no longer holds anyone back.
    ctx.clock.now = new Date(START.getTime() + 15 * MINUTE + 1)
    expect((await attempt(wrong, bots[0]!, app)).status).toBe(401)
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

describe('attempts that never settled', () => {
  it('count as failures once a minute old (their process died mid-check)', async () => {
    const user = await createUser(ctx.db)
    const address = freshAddress()
    const keys = loginKeys(user.email, address)
    const at = new Date(START.getTime() - 2 * MINUTE)
    await ctx.db
      .insertInto('loginFailures')
      .values(Array.from({ length: 10 }, () => ({ key: keys.accountAddress, at, pending: true })))
      .execute()
    const res = await attempt(user, address)
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe(String(13 * 60))
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
