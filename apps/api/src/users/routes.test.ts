import type { ErrorCode } from '@opsdeck/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Me } from '../auth/schemas.ts'
import { errorEnvelope } from '../lib/openapi.ts'
import { Unlocked, UserBody, UserList } from './schemas.ts'
import {
  createUser,
  expectMatches,
  login,
  loginAs,
  postJson,
  setupApp,
  type TestApp,
} from '../../test/helpers.ts'

let ctx: TestApp
let admin: Awaited<ReturnType<typeof loginAs>>
beforeAll(async () => {
  ctx = await setupApp(new Date('2026-11-04T12:00:00Z'))
  admin = await loginAs(ctx, 'admin')
})
afterAll(() => ctx.drop())

const read = async (res: Response) => expectMatches(UserBody, await res.json())
const refusal = async (res: Response, code: ErrorCode) =>
  expectMatches(errorEnvelope([code]), await res.json()).error

const call = (method: string, path: string, body?: unknown, headers = admin.headers) =>
  body === undefined
    ? ctx.app.request(path, { method, headers: { ...headers, Origin: 'http://localhost' } })
    : postJson(ctx, path, body, headers, method)
const auditOf = (entityId: number) =>
  ctx.db
    .selectFrom('auditLog')
    .selectAll()
    .where('entity', '=', 'user')
    .where('entityId', '=', String(entityId))
    .orderBy('id')
    .execute()

describe('GET /api/v1/users', () => {
  it('lists users without their password hashes', async () => {
    const viewer = await createUser(ctx.db, 'viewer')
    const res = await call('GET', '/api/v1/users')
    expect(res.status).toBe(200)
    const body = expectMatches(UserList, await res.json())
    expect(body.users).toContainEqual({
      id: viewer.id,
      email: viewer.email,
      name: viewer.name,
      role: 'viewer',
      disabledAt: null,
      createdAt: expect.any(String),
      lastLoginAt: null,
      recentFailures: 0,
    })
    const me = body.users.find((u) => u.id === admin.user.id)!
    expect(me.lastLoginAt).toBe('2026-11-04T12:00:00.000Z')
    expect(JSON.stringify(body)).not.toMatch(/argon2|passwordHash/)
  })
})

describe('POST /api/v1/users', () => {
  it('creates a user who can sign in, and audits it without the password', async () => {
    const body = {
      email: 'New.Person@Example.org',
      name: 'New Person',
      role: 'manager',
      password: 'first-password-1',
    }
    const res = await call('POST', '/api/v1/users', body)
    expect(res.status).toBe(201)
    const { user } = await read(res)
    expect(user).toMatchObject({
      email: 'new.person@example.org',
      name: 'New Person',
      role: 'manager',
    })
    expect(
      (await login(ctx, { email: 'new.person@example.org', password: 'first-password-1' })).res
        .status,
    ).toBe(200)
    const [row] = await auditOf(user.id)
    expect(row).toMatchObject({
      actorUserId: admin.user.id,
      action: 'create',
      changes: {
        email: { from: null, to: 'new.person@example.org' },
        name: { from: null, to: 'New Person' },
        role: { from: null, to: 'manager' },
        password: { from: null, to: '[redacted]' },
      },
    })
    expect(JSON.stringify(row)).not.toContain('first-password-1')
  })

  it('refuses an email that is taken, whatever its case', async () => {
    const existing = await createUser(ctx.db)
    const res = await call('POST', '/api/v1/users', {
      email: existing.email.toUpperCase(),
      name: 'Dup',
      role: 'viewer',
      password: 'long-enough-password',
    })
    expect(res.status).toBe(409)
    await refusal(res, 'email_taken')
  })

  it('validates every field', async () => {
    const res = await call('POST', '/api/v1/users', {
      email: 'not-an-email',
      name: '',
      role: 'owner',
      password: 'short',
    })
    expect(res.status).toBe(400)
    const error = await refusal(res, 'validation_failed')
    expect(error.details?.map((d) => d.path).sort()).toEqual([
      'json.email',
      'json.name',
      'json.password',
      'json.role',
    ])
  })
})

describe('PATCH /api/v1/users/:id', () => {
  it('renames and changes the role, auditing only what changed', async () => {
    const user = await createUser(ctx.db, 'viewer')
    const res = await call('PATCH', `/api/v1/users/${user.id}`, {
      name: 'Renamed',
      role: 'manager',
      disabled: false,
    })
    expect(res.status).toBe(200)
    expect((await read(res)).user).toMatchObject({
      name: 'Renamed',
      role: 'manager',
      disabledAt: null,
    })
    const rows = await auditOf(user.id)
    expect(rows.map((r) => r.changes)).toEqual([
      { name: { from: user.name, to: 'Renamed' }, role: { from: 'viewer', to: 'manager' } },
    ])
  })

  it('takes effect on the user’s live session at once', async () => {
    const { user, headers } = await loginAs(ctx, 'manager')
    await call('PATCH', `/api/v1/users/${user.id}`, { role: 'viewer' })
    const res = await ctx.app.request('/api/v1/auth/me', { headers })
    expect(expectMatches(Me, await res.json())).toMatchObject({ user: { role: 'viewer' } })
  })

  it('disables and enables again', async () => {
    const user = await createUser(ctx.db)
    const off = await call('PATCH', `/api/v1/users/${user.id}`, { disabled: true })
    expect((await read(off)).user.disabledAt).toBe('2026-11-04T12:00:00.000Z')
    expect((await postJson(ctx, '/api/v1/auth/login', user)).status).toBe(401)
    const on = await call('PATCH', `/api/v1/users/${user.id}`, { disabled: false })
    expect((await read(on)).user.disabledAt).toBeNull()
    expect((await login(ctx, user)).res.status).toBe(200)
    expect((await auditOf(user.id)).map((r) => r.changes)).toEqual([
      { disabled: { from: false, to: true } },
      { disabled: { from: true, to: false } },
    ])
  })

  it('will not let an admin disable or demote themself', async () => {
    for (const body of [{ disabled: true }, { role: 'manager' }]) {
      const res = await call('PATCH', `/api/v1/users/${admin.user.id}`, body)
      expect(res.status).toBe(409)
      await refusal(res, 'self')
    }
    expect((await call('PATCH', `/api/v1/users/${admin.user.id}`, { name: 'Boss' })).status).toBe(
      200,
    )
  })

  it('never leaves the organisation without an enabled admin', async () => {
    // Two admins demoting each other at the same moment: one of them must fail.
    const a = await loginAs(ctx, 'admin')
    const b = await loginAs(ctx, 'admin')
    await ctx.db
      .updateTable('users')
      .set({ disabledAt: new Date() })
      .where('role', '=', 'admin')
      .where('id', 'not in', [a.user.id, b.user.id])
      .execute()
    const results = await Promise.all([
      call('PATCH', `/api/v1/users/${b.user.id}`, { role: 'viewer' }, a.headers),
      call('PATCH', `/api/v1/users/${a.user.id}`, { role: 'viewer' }, b.headers),
    ])
    const [ok, refused] = results.sort((x, y) => x.status - y.status)
    expect(ok.status).toBe(200)
    expectMatches(UserBody, await ok.json())
    // The loser was demoted first (403), or saw it would leave no admin (409 last_admin).
    expect([403, 409]).toContain(refused.status)
    const { error } = expectMatches(
      errorEnvelope(['forbidden', 'last_admin']),
      await refused.json(),
    )
    expect(error.code).toBe(refused.status === 403 ? 'forbidden' : 'last_admin')
    const admins = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabledAt', 'is', null)
      .execute()
    expect(admins).toHaveLength(1)
    await ctx.db
      .updateTable('users')
      .set({ disabledAt: null })
      .where('id', '=', admin.user.id)
      .execute()
  })

  it('answers 404 for a user that does not exist, and 400 for a bad id or field', async () => {
    const missing = await call('PATCH', '/api/v1/users/999999', { name: 'x' })
    expect(missing.status).toBe(404)
    await refusal(missing, 'user_not_found')
    const badId = await call('PATCH', '/api/v1/users/abc', { name: 'x' })
    expect(badId.status).toBe(400)
    expect((await refusal(badId, 'validation_failed')).details).toEqual([
      { path: 'param.id', message: 'must be a whole number in decimal digits' },
    ])
    expect((await call('PATCH', `/api/v1/users/${admin.user.id}`, { email: 'x@y.z' })).status).toBe(
      400,
    )
  })
})

describe('POST /api/v1/users/:id/password', () => {
  it('sets a new password and audits it redacted', async () => {
    const user = await createUser(ctx.db)
    const res = await call('POST', `/api/v1/users/${user.id}/password`, {
      password: 'admin-chosen-password',
    })
    expect(res.status).toBe(204)
    expect(
      (await login(ctx, { email: user.email, password: 'admin-chosen-password' })).res.status,
    ).toBe(200)
    const [row] = await auditOf(user.id)
    expect(row).toMatchObject({
      action: 'password_reset',
      actorUserId: admin.user.id,
      changes: { password: { from: '[redacted]', to: '[redacted]' } },
    })
  })

  it('answers 404 for a user that does not exist', async () => {
    const res = await call('POST', '/api/v1/users/999999/password', {
      password: 'long-enough-pass',
    })
    expect(res.status).toBe(404)
    await refusal(res, 'user_not_found')
  })
})

describe('POST /api/v1/users/:id/unlock', () => {
  const listed = async (id: number) => {
    const res = await call('GET', '/api/v1/users')
    return expectMatches(UserList, await res.json()).users.find((u) => u.id === id)!
  }
  const signIn = (email: string, password: string) =>
    postJson(ctx, '/api/v1/auth/login', { email, password })

  it('forgets the account’s failed sign-ins, so its owner is let in again, and audits it', async () => {
    const user = await createUser(ctx.db)
    for (let i = 0; i < 3; i++) {
      expect((await signIn(user.email, 'wrong-password-1')).status).toBe(401)
    }
    expect((await listed(user.id)).recentFailures).toBe(3)
    // Three failures from this address: its next try must wait, even with the right password.
    expect((await signIn(user.email, user.password)).status).toBe(429)

    const res = await call('POST', `/api/v1/users/${user.id}/unlock`)
    expect(res.status).toBe(200)
    expect(expectMatches(Unlocked, await res.json())).toEqual({ cleared: 3 })
    expect((await listed(user.id)).recentFailures).toBe(0)
    expect((await signIn(user.email, user.password)).status).toBe(200)
    const [row] = await auditOf(user.id)
    expect(row).toMatchObject({
      action: 'unlock',
      actorUserId: admin.user.id,
      changes: { failedSignIns: { from: 3, to: 0 }, via: 'admin' },
    })
  })

  it('answers 404 for a user that does not exist', async () => {
    const res = await call('POST', '/api/v1/users/999999/unlock')
    expect(res.status).toBe(404)
    await refusal(res, 'user_not_found')
  })
})
