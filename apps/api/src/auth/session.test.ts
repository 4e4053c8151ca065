import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import {
  createUser,
  login,
  loginAs,
  postJson,
  useClockedApp,
  TEST_HASH,
} from '../../test/helpers.ts'

const START = new Date('2026-11-04T09:00:00Z')
const MINUTE = 60_000
const HOUR = 60 * MINUTE

const ctx = useClockedApp(START)

const at = (ms: number) => {
  ctx.clock.now = new Date(START.getTime() + ms)
}
const status = async (headers: Record<string, string>) =>
  (await ctx.app.request('/api/v1/auth/me', { headers })).status
const sessionsOf = (userId: number) =>
  ctx.db.selectFrom('sessions').selectAll().where('userId', '=', userId).execute()

describe('sessions', () => {
  it('get a new token at every sign-in, and signing in again ends the old one', async () => {
    const user = await createUser(ctx.db)
    const first = await login(ctx, user)
    const second = await login(ctx, user)
    expect(second.cookie).not.toBe(first.cookie)
    expect(await status({ Cookie: first.cookie })).toBe(200)
    // The browser holding the first cookie signs in again: its old token stops working.
    const third = await postJson(ctx, '/api/v1/auth/login', user, { Cookie: first.cookie })
    expect(third.status).toBe(200)
    expect(await status({ Cookie: first.cookie })).toBe(401)
    expect(await status({ Cookie: second.cookie })).toBe(200)
  })

  it('end after 8 idle hours', async () => {
    const { headers } = await loginAs(ctx)
    at(8 * HOUR - MINUTE)
    expect(await status(headers)).toBe(200)
    // That request counted as activity: the 8 hours start again from it.
    at(16 * HOUR - 2 * MINUTE)
    expect(await status(headers)).toBe(200)
    at(24 * HOUR)
    expect(await status(headers)).toBe(401)
  })

  it('end 7 days after sign-in however active', async () => {
    const { headers } = await loginAs(ctx)
    for (let h = 6; h < 7 * 24; h += 6) {
      at(h * HOUR)
      expect(await status(headers)).toBe(200)
    }
    at(7 * 24 * HOUR)
    expect(await status(headers)).toBe(401)
  })

  it('end sooner once the maximum is lowered, and never later once it is raised', async () => {
    // The same database restarted with other settings; idle expiry kept out of the way.
    const withMaxDays = (days: number) =>
      createApp({
        db: ctx.db,
        logger: pino({ level: 'silent' }),
        clock: () => ctx.clock.now,
        auth: { hash: TEST_HASH, sessionIdleMs: 365 * 24 * HOUR, sessionMaxMs: days * 24 * HOUR },
      })
    const me = (app: ReturnType<typeof withMaxDays>, cookie: string) =>
      app.request('/api/v1/auth/me', { headers: { Cookie: cookie } })
    const user = await createUser(ctx.db)
    const { cookie } = await login({ app: withMaxDays(7) }, user)
    at(3 * 24 * HOUR)
    expect((await me(withMaxDays(7), cookie)).status).toBe(200)
    expect((await me(withMaxDays(2), cookie)).status).toBe(401)
    // Raising the maximum does not outlive the end the session was given at sign-in.
    at(7 * 24 * HOUR)
    expect((await me(withMaxDays(30), cookie)).status).toBe(401)
  })

  it('record activity at most once a minute', async () => {
    const { user, headers } = await loginAs(ctx)
    at(30_000)
    await status(headers)
    expect((await sessionsOf(user.id))[0]!.lastSeenAt).toEqual(START)
    at(61_000)
    await status(headers)
    expect((await sessionsOf(user.id))[0]!.lastSeenAt).toEqual(new Date(START.getTime() + 61_000))
  })

  it('drop the user’s stale sessions at the next sign-in', async () => {
    const user = await createUser(ctx.db)
    await login(ctx, user)
    at(9 * HOUR)
    await login(ctx, user)
    expect(await sessionsOf(user.id)).toHaveLength(1)
  })

  it('of others end when a password changes; the one changing it stays', async () => {
    const user = await createUser(ctx.db)
    const here = await login(ctx, user)
    const elsewhere = await login(ctx, user)
    const res = await postJson(
      ctx,
      '/api/v1/auth/password',
      { currentPassword: user.password, newPassword: 'changed-password-1' },
      { Cookie: here.cookie },
    )
    expect(res.status).toBe(204)
    expect(await status({ Cookie: here.cookie })).toBe(200)
    expect(await status({ Cookie: elsewhere.cookie })).toBe(401)
  })

  it('all end when an admin disables the user', async () => {
    const admin = await loginAs(ctx, 'admin')
    const user = await createUser(ctx.db)
    const a = await login(ctx, user)
    const b = await login(ctx, user)
    const res = await postJson(
      ctx,
      `/api/v1/users/${user.id}`,
      { disabled: true },
      admin.headers,
      'PATCH',
    )
    expect(res.status).toBe(200)
    expect(await status({ Cookie: a.cookie })).toBe(401)
    expect(await status({ Cookie: b.cookie })).toBe(401)
    expect(await sessionsOf(user.id)).toEqual([])
  })

  it('all end when an admin sets a new password', async () => {
    const admin = await loginAs(ctx, 'admin')
    const user = await createUser(ctx.db)
    const a = await login(ctx, user)
    const res = await postJson(
      ctx,
      `/api/v1/users/${user.id}/password`,
      { password: 'set-by-the-admin' },
      admin.headers,
    )
    expect(res.status).toBe(204)
    expect(await status({ Cookie: a.cookie })).toBe(401)
  })
})
