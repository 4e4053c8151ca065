import { describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import {
  createUser,
  login,
  postJson,
  SAME_ORIGIN,
  useClockedApp,
  TEST_HASH,
} from '../../test/helpers.ts'
import pino from 'pino'
import { DEFAULT_AUTH_CONFIG, type LoginLimits } from './config.ts'
import { sql } from 'kysely'
import { loginKeys } from './login-keys.ts'
import { inFlightPollMs, lockKeys, THROTTLE_LOCK_SPACE } from './throttle.ts'

const START = new Date('2026-11-04T09:00:00Z')
const MINUTE = 60_000

const ctx = useClockedApp(START)

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

  it('past the account’s ceiling, slows every address account-wide: a burst gets no more through', async () => {
    const app = strictApp({ perAccount: 5 })
    const user = await createUser(ctx.db)
    const wrong = { email: user.email, password: 'wrong-password-x' }
    // Below the ceiling an address has its own budget of 10.
    const early = freshAddress()
    for (let i = 0; i < 2; i++) expect((await attempt(wrong, early, app)).status).toBe(401)
    // A distributed attack: 30 addresses at once, each trying once; only the ceiling gets through.
    const bots = Array.from({ length: 30 }, freshAddress)
    const first = await Promise.all(bots.map(async (a) => attempt(wrong, a, app)))
    expect(tally(first.map((r) => r.status))).toEqual({ 401: 3, 429: 27 })
    // Every address that has failed on the account waits for the attack to ebb …
    const failed = bots.filter((_, i) => first[i]!.status === 401)
    const second = await Promise.all([...failed, early].map(async (a) => attempt(wrong, a, app)))
    expect(tally(second.map((r) => r.status))).toEqual({ 429: 4 })
    expect(Number(second[0]!.headers.get('retry-after'))).toBe(15 * 60)
    // … and one that has not waits a second after the newest failure, right password or not.
    const clean = await attempt(user, freshAddress(), app)
    expect(clean.status).toBe(429)
    expect(clean.headers.get('retry-after')).toBe('1')
    ctx.clock.now = new Date(START.getTime() + 1000)
    expect((await attempt(user, freshAddress(), app)).status).toBe(200)
    // Once the attack is out of the window, the ceiling no longer holds anyone back.
    ctx.clock.now = new Date(START.getTime() + 15 * MINUTE + 1)
    expect((await attempt(wrong, failed[0]!, app)).status).toBe(401)
  })

  it('past the account’s ceiling, gives an IPv6 /48 (65,536 /64s) a few guesses, not one per /64', async () => {
    const app = createApp({
      db: ctx.db,
      logger: pino({ level: 'silent' }),
      clock: () => ctx.clock.now,
      auth: {
        hash: TEST_HASH,
        trustedProxy: true,
        loginLimits: { ...DEFAULT_AUTH_CONFIG.loginLimits, perAccount: 5 },
      },
    })
    const user = await createUser(ctx.db)
    const wrong = { email: user.email, password: 'wrong-password-x' }
    const proxy = freshAddress()
    // Before the attack the owner's browser signed in and kept its device cookie.
    const owner = await attempt(user, proxy, app, { 'X-Forwarded-For': '192.0.2.10' })
    const device = owner.headers
      .getSetCookie()
      .find((c) => c.startsWith('opsdeck_device='))!
      .split(';')[0]!
    let subnet = 0
    const from48 = (body: { email: string; password: string }) =>
      attempt(body, proxy, app, {
        'X-Forwarded-For': `2001:db8:48:${(++subnet).toString(16)}::1`,
      })
    // Ten minutes of guessing, each guess from a /64 never seen before, as fast as allowed.
    const statuses: number[] = []
    for (let second = 0; second < 600; second += 5) {
      ctx.clock.now = new Date(START.getTime() + second * 1000)
      for (let i = 0; i < 5; i++) statuses.push((await from48(wrong)).status)
    }
    // The 5 of the ceiling, then one each after 1, 2, 4, 8, 16, 32, 64 s, then one a minute.
    const tried = tally(statuses)[401] ?? 0
    expect(tried).toBeGreaterThanOrEqual(5)
    expect(tried).toBeLessThanOrEqual(5 + 7 + 10)
    expect(tally(statuses)[429]).toBe(statuses.length - tried)
    // A refusal does not tell the right password from a wrong one …
    const right = await from48(user)
    const guess = await from48(wrong)
    expect([right.status, guess.status]).toEqual([429, 429])
    expect(await right.json()).toEqual(await guess.json())
    // … and the owner's browser, with its device, is not held back.
    const back = await attempt(user, proxy, app, {
      'X-Forwarded-For': '2001:db8:48:ffff::1',
      Cookie: device,
    })
    expect(back.status).toBe(200)
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

describe('attempts held back by attempts in flight', () => {
  it('look again after 100 ms, doubling to 2 s: about ten transactions in the 10 s they wait', () => {
    const waits: number[] = []
    for (let n = 0, total = 0; total < 10_000; n++)
      total += waits[waits.push(inFlightPollMs(n)) - 1]!
    expect(waits.slice(0, 6)).toEqual([100, 200, 400, 800, 1600, 2000])
    expect(waits.length).toBeLessThanOrEqual(10)
  })
})

describe('throttle locks', () => {
  it('take the two-key form in a space of their own, not the ids of the app’s named locks', async () => {
    const held = await ctx.db.transaction().execute(async (trx) => {
      await lockKeys(trx, ['opsdeck:admins', 'account:someone@test.local'])
      const { rows } = await sql<{ classid: number; objsubid: number }>`
        SELECT classid::int AS classid, objsubid FROM pg_locks
        WHERE locktype = 'advisory' AND pid = pg_backend_pid()
      `.execute(trx)
      return rows
    })
    expect(held).toHaveLength(2)
    // objsubid 2: the two-key form; the one-key form (hashtext('opsdeck:admins')) is objsubid 1.
    for (const lock of held) expect(lock).toEqual({ classid: THROTTLE_LOCK_SPACE, objsubid: 2 })
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

describe('a right password whose last step fails (a database outage)', () => {
  // The failure, made real: PostgreSQL refuses a write of this user's, then stops refusing.
  async function failing(table: 'sessions' | 'users', column: string, id: number) {
    await sql`
      CREATE OR REPLACE FUNCTION test_outage() RETURNS trigger LANGUAGE plpgsql
      AS $$ BEGIN RAISE EXCEPTION 'outage'; END $$
    `.execute(ctx.db)
    await sql`
      CREATE TRIGGER test_outage BEFORE INSERT OR UPDATE ON ${sql.table(table)}
      FOR EACH ROW WHEN (NEW.${sql.ref(column)} = ${sql.lit(id)}) EXECUTE FUNCTION test_outage()
    `.execute(ctx.db)
    return async () => {
      await sql`DROP TRIGGER test_outage ON ${sql.table(table)}`.execute(ctx.db)
    }
  }
  const rowsOf = async (email: string) =>
    (await ctx.db.selectFrom('loginFailures').select('key').execute()).filter((r) =>
      r.key.includes(email),
    )

  it('is not left to count as a failure when the sign-in cannot be recorded', async () => {
    const user = await createUser(ctx.db)
    const restore = await failing('sessions', 'user_id', user.id)
    try {
      expect((await attempt(user, freshAddress())).status).toBe(500)
    } finally {
      await restore()
    }
    expect(await rowsOf(user.email)).toEqual([])
  })

  it('is not left to count as a failure when the new password cannot be stored', async () => {
    const app = strictApp({})
    const user = await createUser(ctx.db)
    const { cookie } = await login({ app }, user)
    const restore = await failing('users', 'id', user.id)
    try {
      const res = await postJson(
        { app },
        '/api/v1/auth/password',
        { currentPassword: user.password, newPassword: 'a-new-password-123' },
        { Cookie: cookie },
      )
      expect(res.status).toBe(500)
    } finally {
      await restore()
    }
    expect(await rowsOf(user.email)).toEqual([])
  })
})
