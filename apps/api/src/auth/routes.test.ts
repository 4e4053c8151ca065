import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorEnvelope } from '../lib/openapi.ts'
import { Me, SignedIn } from './schemas.ts'
import {
  createToken,
  createUser,
  expectMatches,
  login,
  loginAs,
  postJson,
  SAME_ORIGIN,
  setupApp,
  type TestApp,
} from '../../test/helpers.ts'

let ctx: TestApp
beforeAll(async () => {
  ctx = await setupApp(new Date('2026-11-04T12:00:00Z'))
})
afterAll(() => ctx.drop())

const me = (headers: Record<string, string>) => ctx.app.request('/api/v1/auth/me', { headers })
const auditRows = (entity: string, entityId: number | string) =>
  ctx.db
    .selectFrom('auditLog')
    .selectAll()
    .where('entity', '=', entity)
    .where('entityId', '=', String(entityId))
    .orderBy('id')
    .execute()

describe('POST /api/v1/auth/login', () => {
  it('signs in, answering the user and a hardened session cookie', async () => {
    const user = await createUser(ctx.db, 'manager')
    const res = await postJson(ctx, '/api/v1/auth/login', {
      email: user.email.toUpperCase(),
      password: user.password,
    })
    expect(res.status).toBe(200)
    expect(expectMatches(SignedIn, await res.json())).toEqual({
      user: { id: user.id, email: user.email, name: user.name, role: 'manager' },
    })
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^opsdeck_session=[A-Za-z0-9_-]{22};/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).toMatch(/Max-Age=604800/)
    expect(cookie).not.toMatch(/Secure/) // plain http here
  })

  it('marks the cookie Secure over HTTPS', async () => {
    const user = await createUser(ctx.db)
    const res = await ctx.app.request('https://ops.example/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://ops.example' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/)
  })

  it('stores only an argon2id hash of the password and a sha256 of the session token', async () => {
    const user = await createUser(ctx.db)
    const { cookie } = await login(ctx, user)
    const row = await ctx.db
      .selectFrom('users')
      .select('passwordHash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(row.passwordHash).toMatch(/^\$argon2id\$/)
    const token = cookie.split('=')[1]!
    const sessions = await ctx.db
      .selectFrom('sessions')
      .select('tokenHash')
      .where('userId', '=', user.id)
      .execute()
    expect(sessions).toHaveLength(1)
    expect(sessions[0]!.tokenHash).toHaveLength(32)
    expect(sessions[0]!.tokenHash.toString('base64url')).not.toBe(token)
  })

  it('gives the same 401 for an unknown email, a wrong password and a disabled account', async () => {
    const user = await createUser(ctx.db)
    const disabled = await createUser(ctx.db, 'admin', { disabled: true })
    const attempts = [
      { email: 'nobody@test.opsdeck.local', password: 'whatever-password' },
      { email: user.email, password: 'wrong-password-123' },
      { email: disabled.email, password: disabled.password },
    ]
    const answers = []
    for (const body of attempts) {
      const res = await postJson(ctx, '/api/v1/auth/login', body)
      answers.push({
        status: res.status,
        body: await res.text(),
        cookie: res.headers.get('set-cookie'),
      })
    }
    expect(answers[0]).toEqual({
      status: 401,
      body: JSON.stringify({
        error: { code: 'invalid_credentials', message: 'Email or password is incorrect' },
      }),
      cookie: null,
    })
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
  })

  it('records sign-ins and failures in the audit log without the password or the typed email', async () => {
    const user = await createUser(ctx.db)
    await login(ctx, user)
    await postJson(ctx, '/api/v1/auth/login', { email: user.email, password: 'wrong-password-1' })
    const rows = await auditRows('auth', user.id)
    expect(rows.map((r) => [r.action, r.actorUserId])).toEqual([
      ['login', user.id],
      ['login_failed', null],
    ])
    expect(rows[1]!.changes).toMatchObject({ reason: 'wrong_password' })
    expect(rows[0]!.requestId).toBeTruthy()
    const unknown = await postJson(ctx, '/api/v1/auth/login', {
      email: 'typo-password-here@x',
      password: 'hunter2-hunter2',
    })
    expect(unknown.status).toBe(401)
    const all = JSON.stringify(await ctx.db.selectFrom('auditLog').select('changes').execute())
    expect(all).not.toContain(user.password)
    expect(all).not.toContain('wrong-password-1')
    expect(all).not.toContain('typo-password-here')
  })

  it('records its own request id in the audit log, not one the client sends', async () => {
    const user = await createUser(ctx.db)
    const res = await postJson(
      ctx,
      '/api/v1/auth/login',
      { email: user.email, password: user.password },
      { 'X-Request-Id': 'forged-request-id' },
    )
    expect(res.status).toBe(200)
    const [row] = await auditRows('auth', user.id)
    expect(row!.requestId).not.toBe('forged-request-id')
    expect(row!.requestId).toBe(res.headers.get('X-Request-Id'))
  })

  it('refuses a malformed body with the validation envelope', async () => {
    const res = await postJson(ctx, '/api/v1/auth/login', { email: 'a@b.c' })
    expect(res.status).toBe(400)
    expect(expectMatches(errorEnvelope(['validation_failed']), await res.json())).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'json.password' }] },
    })
  })
})

describe('GET /api/v1/auth/me', () => {
  it('says who is signed in', async () => {
    const { user, headers } = await loginAs(ctx, 'viewer')
    const res = await me(headers)
    expect(res.status).toBe(200)
    expect(expectMatches(Me, await res.json())).toEqual({
      user: { id: user.id, email: user.email, name: user.name, role: 'viewer' },
      via: 'session',
    })
  })

  it('says which token is calling', async () => {
    const token = await createToken(ctx.db, ['read'])
    const res = await me(token.headers)
    expect(expectMatches(Me, await res.json())).toEqual({
      token: { id: token.id, name: token.name, scopes: ['read'] },
      via: 'token',
    })
  })

  it('is 401 without a session, with a made-up one and with a made-up token', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Cookie: 'opsdeck_session=AAAAAAAAAAAAAAAAAAAAAA' },
      { Authorization: 'Bearer odk_notarealtoken' },
      { Authorization: 'Basic YWRtaW46YWRtaW4=' },
    ]
    for (const headers of attempts) {
      const res = await me(headers)
      expect(res.status).toBe(401)
      expectMatches(errorEnvelope(['unauthenticated']), await res.json())
    }
  })
})

describe('POST /api/v1/auth/logout', () => {
  it('ends the session and clears the cookie', async () => {
    const { user, headers } = await loginAs(ctx)
    const res = await ctx.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { ...headers, ...SAME_ORIGIN },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('set-cookie')).toMatch(/^opsdeck_session=; Max-Age=0/)
    expect((await me(headers)).status).toBe(401)
    expect((await auditRows('auth', user.id)).map((r) => r.action)).toEqual(['login', 'logout'])
  })

  it('answers 204 without a session too', async () => {
    const res = await ctx.app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: SAME_ORIGIN,
    })
    expect(res.status).toBe(204)
  })
})

describe('POST /api/v1/auth/password', () => {
  it('refuses a wrong current password with 422 and changes nothing', async () => {
    const { user, headers } = await loginAs(ctx)
    const res = await postJson(
      ctx,
      '/api/v1/auth/password',
      { currentPassword: 'not-my-password', newPassword: 'brand-new-password' },
      headers,
    )
    expect(res.status).toBe(422)
    expectMatches(errorEnvelope(['wrong_password']), await res.json())
    expect((await postJson(ctx, '/api/v1/auth/login', user)).status).toBe(200)
  })

  it('refuses a new password with a lone surrogate or a NUL (they would be hashed as U+FFFD)', async () => {
    const { user, headers } = await loginAs(ctx)
    for (const newPassword of ['long-enough-pass\ud800', 'long-enough-pass\u0000']) {
      const res = await postJson(
        ctx,
        '/api/v1/auth/password',
        { currentPassword: user.password, newPassword },
        headers,
      )
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { details: [{ path: 'json.newPassword' }] } })
    }
    expect((await postJson(ctx, '/api/v1/auth/login', user)).status).toBe(200)
  })

  it('wants at least 12 characters', async () => {
    const { user, headers } = await loginAs(ctx)
    const res = await postJson(
      ctx,
      '/api/v1/auth/password',
      { currentPassword: user.password, newPassword: 'short' },
      headers,
    )
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({
      error: { details: [{ path: 'json.newPassword', message: 'must be at least 12 characters' }] },
    })
  })

  it('is for people: a token gets 403', async () => {
    const token = await createToken(ctx.db, ['read', 'ingest'])
    const res = await postJson(
      ctx,
      '/api/v1/auth/password',
      { currentPassword: 'x', newPassword: 'brand-new-password' },
      token.headers,
    )
    expect(res.status).toBe(403)
  })

  it('changes the password and audits it without the password', async () => {
    const { user, headers } = await loginAs(ctx)
    const res = await postJson(
      ctx,
      '/api/v1/auth/password',
      { currentPassword: user.password, newPassword: 'brand-new-password' },
      headers,
    )
    expect(res.status).toBe(204)
    expect((await postJson(ctx, '/api/v1/auth/login', user)).status).toBe(401)
    const fresh = { email: user.email, password: 'brand-new-password' }
    expect((await postJson(ctx, '/api/v1/auth/login', fresh)).status).toBe(200)
    const [row] = await auditRows('user', user.id)
    expect(row).toMatchObject({
      action: 'password_change',
      actorUserId: user.id,
      changes: { password: { from: '[redacted]', to: '[redacted]' } },
    })
    expect(JSON.stringify(row)).not.toContain('brand-new-password')
  })
})
