import pino from 'pino'
import { describe, expect, it } from 'vitest'
import {
  createUser,
  loginAs,
  postJson,
  SAME_ORIGIN,
  sessionCookieOf,
  useClockedApp,
  TEST_HASH,
  type TestUser,
} from '../../test/helpers.ts'
import { createApp } from '../app.ts'
import { DEFAULT_AUTH_CONFIG, type LoginLimits } from './config.ts'
import { sha256 } from './secret.ts'
import { unlockAccount } from './unlock-account.ts'

const START = new Date('2026-11-05T09:00:00Z')
const MINUTE = 60_000

const ctx = useClockedApp(START)

let nextAddress = 0
const freshAddress = () => `198.18.0.${++nextAddress}`

// The same database under other limits.
const appWith = (limits: Partial<LoginLimits>) =>
  createApp({
    db: ctx.db,
    logger: pino({ level: 'silent' }),
    clock: () => ctx.clock.now,
    auth: { hash: TEST_HASH, loginLimits: { ...DEFAULT_AUTH_CONFIG.loginLimits, ...limits } },
  })

// A sign-in from a TCP peer address, with the browser's device cookie when it has one.
function signIn(
  body: { email: string; password: string },
  address: string,
  device?: string,
  app = ctx.app,
) {
  return app.request(
    '/api/v1/auth/login',
    {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...SAME_ORIGIN,
        ...(device ? { Cookie: device } : {}),
      },
      body: JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: address } } },
  )
}

const deviceCookieOf = (res: Response) =>
  res.headers.getSetCookie().find((c) => c.startsWith('opsdeck_device='))
/** `opsdeck_device=…` as the browser sends it back. */
const deviceOf = (res: Response) => deviceCookieOf(res)!.split(';')[0]!

const wrong = (user: TestUser) => ({ email: user.email, password: 'wrong-password-x' })

// The attack of the review: one address fails on 30 made-up accounts, and so is refused for all.
async function blockAddress(address: string) {
  for (let i = 0; i < 30; i++) {
    const guess = { email: `nobody-${address}-${i}@test.local`, password: 'guess-password' }
    expect((await signIn(guess, address)).status).toBe(401)
  }
}

describe('device cookies', () => {
  it('are set at sign-in: a year, HttpOnly, SameSite=Lax, only their hash stored', async () => {
    const user = await createUser(ctx.db)
    const res = await signIn(user, freshAddress())
    expect(res.status).toBe(200)
    const cookie = deviceCookieOf(res)!
    expect(cookie).toMatch(/^opsdeck_device=[\w-]{43}; /)
    expect(cookie).toContain('Max-Age=31536000')
    expect(cookie).toContain('Path=/api/v1/auth')
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).not.toContain('Secure')
    const token = deviceOf(res).slice('opsdeck_device='.length)
    const rows = await ctx.db
      .selectFrom('loginDevices')
      .select(['tokenHash', 'userId'])
      .where('userId', '=', user.id)
      .execute()
    expect(rows).toEqual([{ tokenHash: sha256(token), userId: user.id }])
    // Signing in again from that browser keeps its device.
    const again = await signIn(user, freshAddress(), deviceOf(res))
    expect(deviceOf(again)).toBe(deviceOf(res))
  })

  it('are __Host- cookies over https (Secure, Path=/, no Domain), read back under that name', async () => {
    const user = await createUser(ctx.db)
    const overHttps = (cookie?: string) =>
      ctx.app.request('https://ops.example/api/v1/auth/login', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: 'https://ops.example',
          'Sec-Fetch-Site': 'same-origin',
          ...(cookie ? { Cookie: cookie } : {}),
        },
        body: JSON.stringify(user),
      })
    const res = await overHttps()
    expect(res.status).toBe(200)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-opsdeck_device='))!
    expect(cookie).toMatch(/^__Host-opsdeck_device=[\w-]{43}; /)
    expect(cookie).toContain('Secure')
    expect(cookie).toContain('Path=/;')
    expect(cookie).not.toContain('Domain')
    expect(deviceCookieOf(res)).toBeUndefined()
    const device = cookie.split(';')[0]!
    const again = await overHttps(device)
    expect(again.headers.getSetCookie().find((c) => c.startsWith(`${device};`))).toBeDefined()
    // The plain name, which a sibling subdomain could have set, is not read over https.
    const planted = await overHttps(`opsdeck_device=${device.split('=')[1]!}`)
    expect(planted.headers.getSetCookie().find((c) => c.startsWith(`${device};`))).toBeUndefined()
  })

  it('keep one device per account in a browser: signing in to another account adds, not replaces', async () => {
    const owner = await createUser(ctx.db)
    const office = freshAddress()
    const first = deviceOf(await signIn(owner, office))
    // The same browser signs in to four other accounts: all five devices stay, newest first.
    let cookie = first
    const others: TestUser[] = []
    for (let i = 0; i < 4; i++) {
      const other = await createUser(ctx.db)
      others.push(other)
      cookie = deviceOf(await signIn(other, office, cookie))
    }
    const tokens = cookie.slice('opsdeck_device='.length).split('.')
    expect(tokens).toHaveLength(5)
    expect(tokens[4]).toBe(first.slice('opsdeck_device='.length))
    await blockAddress(office)
    // The first account's owner is still let in from that browser, and the others too.
    expect((await signIn(owner, office, cookie)).status).toBe(200)
    expect((await signIn(others[0]!, office, cookie)).status).toBe(200)
    // A sixth account pushes out the device used longest ago, never more than five.
    const sixth = await createUser(ctx.db)
    const fresh = freshAddress()
    const last = deviceOf(await signIn(sixth, fresh, cookie))
    expect(last.split('.')).toHaveLength(5)
  })

  it('in real use are not evicted by a burst of sign-ins that keep no cookie', async () => {
    const user = await createUser(ctx.db)
    const home = freshAddress()
    const device = deviceOf(await signIn(user, home))
    ctx.clock.now = new Date(START.getTime() + MINUTE)
    expect((await signIn(user, home, device)).status).toBe(200)
    // A script signs in 30 times without keeping cookies, from elsewhere.
    const script = freshAddress()
    for (let i = 0; i < 30; i++) {
      ctx.clock.now = new Date(START.getTime() + (2 + i) * MINUTE)
      expect((await signIn(user, script)).status).toBe(200)
    }
    const count = await ctx.db
      .selectFrom('loginDevices')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('userId', '=', user.id)
      .executeTakeFirstOrThrow()
    // The browser's device and the newest 20 of the script's (19 kept + the one just made).
    expect(Number(count.n)).toBe(21)
    await blockAddress(home)
    expect((await signIn(user, home, device)).status).toBe(200)
  })

  it('are forgotten when the password is changed, reset by an admin, or the account disabled', async () => {
    const admin = await loginAs(ctx, 'admin')
    const devicesOf = async (userId: number) =>
      ctx.db.selectFrom('loginDevices').select('tokenHash').where('userId', '=', userId).execute()

    const changer = await createUser(ctx.db)
    const res = await signIn(changer, freshAddress())
    expect(await devicesOf(changer.id)).toHaveLength(1)
    const changed = await postJson(
      ctx,
      '/api/v1/auth/password',
      { currentPassword: changer.password, newPassword: 'a-new-password-123' },
      { Cookie: sessionCookieOf(res) },
    )
    expect(changed.status).toBe(204)
    expect(await devicesOf(changer.id)).toEqual([])

    const reset = await createUser(ctx.db)
    await signIn(reset, freshAddress())
    const done = await postJson(
      ctx,
      `/api/v1/users/${reset.id}/password`,
      { password: 'admin-chosen-password' },
      admin.headers,
    )
    expect(done.status).toBe(204)
    expect(await devicesOf(reset.id)).toEqual([])

    const disabled = await createUser(ctx.db)
    await signIn(disabled, freshAddress())
    const off = await postJson(
      ctx,
      `/api/v1/users/${disabled.id}`,
      { disabled: true },
      admin.headers,
      'PATCH',
    )
    expect(off.status).toBe(200)
    expect(await devicesOf(disabled.id)).toEqual([])
  })

  it('let the owner in with the right password from an address that is refused for everyone else', async () => {
    const user = await createUser(ctx.db)
    const office = freshAddress()
    const device = deviceOf(await signIn(user, office))
    await blockAddress(office)
    // From the same office: a browser without the device is refused, right password or not …
    const stranger = await signIn(user, office)
    expect(stranger.status).toBe(429)
    expect(stranger.headers.get('retry-after')).toBe('900')
    // … while the owner's browser is judged on its own record, which is clean.
    expect((await signIn(user, office, device)).status).toBe(200)
    // The refusal does not tell a right password from a wrong one.
    const refusedWrong = await signIn(wrong(user), office)
    expect(refusedWrong.status).toBe(429)
    expect(await refusedWrong.json()).toEqual(await stranger.json())
  })

  it('let the owner in while an attacker has used up the address’s and the account’s budgets', async () => {
    const app = appWith({ perAccount: 12 })
    const user = await createUser(ctx.db)
    const office = freshAddress()
    const device = deviceOf(await signIn(user, office, undefined, app))
    // The attacker shares the office's address and spends its 10 tries on the account …
    for (let i = 0; i < 10; i++) {
      ctx.clock.now = new Date(START.getTime() + i * MINUTE)
      expect((await signIn(wrong(user), office, undefined, app)).status).toBe(401)
    }
    // … and pushes the account past its ceiling from elsewhere.
    for (let i = 0; i < 2; i++) {
      expect((await signIn(wrong(user), freshAddress(), undefined, app)).status).toBe(401)
    }
    expect((await signIn(user, office, undefined, app)).status).toBe(429)
    expect((await signIn(user, office, device, app)).status).toBe(200)
  })

  it('hold only for the account they were set for', async () => {
    const owner = await createUser(ctx.db)
    const other = await createUser(ctx.db)
    const office = freshAddress()
    const device = deviceOf(await signIn(owner, office))
    await blockAddress(office)
    expect((await signIn(other, office, device)).status).toBe(429)
    // A made-up cookie is no device either.
    expect((await signIn(owner, office, 'opsdeck_device=made-up')).status).toBe(429)
  })

  it('are slowed from their 3rd failure and, after 10, judged like any browser until the window passes', async () => {
    const user = await createUser(ctx.db)
    const office = freshAddress()
    const device = deviceOf(await signIn(user, office))
    await blockAddress(office)
    const at = (minutes: number) => (ctx.clock.now = new Date(START.getTime() + minutes * MINUTE))
    for (let i = 0; i < 3; i++) expect((await signIn(wrong(user), office, device)).status).toBe(401)
    const slowed = await signIn(user, office, device)
    expect(slowed.status).toBe(429)
    expect(slowed.headers.get('retry-after')).toBe('1')
    expect(await slowed.json()).toEqual({
      error: { code: 'rate_limited', message: 'Too many sign-in attempts; try again in 1 second' },
    })
    for (let i = 3; i < 10; i++) {
      at(i)
      expect((await signIn(wrong(user), office, device)).status).toBe(401)
    }
    // Ten failures: the device is on its own no longer, and its address is refused.
    at(10)
    expect((await signIn(user, office, device)).status).toBe(429)
    // Its first failure leaves the window at START + 15 min; the address's block too.
    at(15.1)
    expect((await signIn(user, office, device)).status).toBe(200)
  })

  it('keep their failures to themselves: the address is not charged with them', async () => {
    const user = await createUser(ctx.db)
    const home = freshAddress()
    const device = deviceOf(await signIn(user, home))
    for (let i = 0; i < 5; i++) {
      ctx.clock.now = new Date(START.getTime() + i * MINUTE)
      expect((await signIn(wrong(user), home, device)).status).toBe(401)
    }
    // Without the cookie (another browser at home), no delay: the address has not failed.
    expect((await signIn(user, home)).status).toBe(200)
  })

  it('are forgotten with the account’s other failures when an admin unlocks it', async () => {
    const user = await createUser(ctx.db)
    const office = freshAddress()
    const device = deviceOf(await signIn(user, office))
    for (let i = 0; i < 10; i++) {
      ctx.clock.now = new Date(START.getTime() + i * MINUTE)
      await signIn(wrong(user), office, device)
    }
    const keys = await ctx.db.selectFrom('loginFailures').select('key').execute()
    const deviceKey = `device:${sha256(device.split('=')[1]!).toString('hex')}`
    expect(keys.filter((k) => k.key === deviceKey)).toHaveLength(10)
    await unlockAccount(
      ctx.db,
      { userId: user.id },
      { actor: { userId: null, tokenId: null }, at: START, requestId: null, via: 'admin' },
    )
    const left = await ctx.db.selectFrom('loginFailures').select('key').execute()
    expect(left.filter((k) => k.key === deviceKey)).toEqual([])
  })
})
