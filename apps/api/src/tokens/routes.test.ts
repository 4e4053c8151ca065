import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from '../auth/secret.ts'
import { errorEnvelope } from '../lib/openapi.ts'
import { insertToken } from './queries.ts'
import { CreatedToken, TokenList } from './schemas.ts'
import { expectMatches, loginAs, postJson, setupApp, type TestApp } from '../../test/helpers.ts'

const NOW = new Date('2026-11-04T12:00:00Z')
let ctx: TestApp
let admin: Awaited<ReturnType<typeof loginAs>>
beforeAll(async () => {
  ctx = await setupApp(NOW)
  admin = await loginAs(ctx, 'admin')
})
afterAll(() => ctx.drop())

async function newToken(name: string, scopes: string[]) {
  const res = await postJson(ctx, '/api/v1/tokens', { name, scopes }, admin.headers)
  return { res, body: expectMatches(CreatedToken, await res.json()) }
}
async function list() {
  const res = await ctx.app.request('/api/v1/tokens', { headers: admin.headers })
  return expectMatches(TokenList, await res.json()).tokens
}
const revoke = (id: number | string) =>
  ctx.app.request(`/api/v1/tokens/${id}`, {
    method: 'DELETE',
    headers: { ...admin.headers, Origin: 'http://localhost' },
  })
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe('API tokens', () => {
  it('are shown once at creation and stored only as a hash', async () => {
    const { res, body } = await newToken('prober', ['ingest', 'read', 'read'])
    expect(res.status).toBe(201)
    expect(body).toEqual({
      id: expect.any(Number),
      name: 'prober',
      scopes: ['ingest', 'read'],
      token: expect.any(String),
    })
    expect(body.token).toMatch(/^odk_[A-Za-z0-9_-]{43}$/)
    const row = await ctx.db
      .selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow()
    expect(row.tokenHash.equals(sha256(body.token))).toBe(true)
    expect(JSON.stringify(row)).not.toContain(body.token.slice(4))
  })

  it('refuse a field they do not know rather than ignore it (no silent "expiresAt")', async () => {
    const before = (await list()).length
    const body = { name: 'expiring', scopes: ['read'], expiresAt: '2027-01-01' }
    const res = await postJson(ctx, '/api/v1/tokens', body, admin.headers)
    expect(res.status).toBe(400)
    const { error } = expectMatches(errorEnvelope(['validation_failed']), await res.json())
    expect(error.details?.[0]?.message).toMatch(/expiresAt/)
    expect((await list()).length).toBe(before)
  })

  it('are listed with their creator and times, never with the token', async () => {
    const { body } = await newToken('reporting', ['read'])
    const tokens = await list()
    expect(tokens).toContainEqual({
      id: body.id,
      name: 'reporting',
      scopes: ['read'],
      effectiveScopes: ['read'],
      createdAt: NOW.toISOString(),
      lastUsedAt: null,
      revokedAt: null,
      createdBy: { id: admin.user.id, email: admin.user.email, role: 'admin', disabled: false },
    })
    const text = JSON.stringify(tokens)
    expect(text).not.toContain(body.token)
    expect(text).not.toMatch(/odk_|tokenHash/)
  })

  it('authenticate a machine, which the list shows as last used', async () => {
    const { body } = await newToken('dashboard-export', ['read'])
    const res = await ctx.app.request('/api/v1/auth/me', { headers: bearer(body.token) })
    expect(res.status).toBe(200)
    const listed = (await list()).find((t) => t.id === body.id)!
    expect(listed.lastUsedAt).toBe(NOW.toISOString())
  })

  it('stop working once revoked', async () => {
    const { body } = await newToken('old', ['read'])
    expect((await revoke(body.id)).status).toBe(204)
    const res = await ctx.app.request('/api/v1/overview', { headers: bearer(body.token) })
    expect(res.status).toBe(401)
    const listed = (await list()).find((t) => t.id === body.id)!
    expect(listed.revokedAt).toBe(NOW.toISOString())
    // Revoking again changes nothing; an unknown id is 404.
    expect((await revoke(body.id)).status).toBe(204)
    const unknown = await revoke(999_999)
    expect(unknown.status).toBe(404)
    expectMatches(errorEnvelope(['token_not_found']), await unknown.json())
  })

  it('stop working while their creator is disabled, and work again once enabled', async () => {
    const creator = await loginAs(ctx, 'admin')
    const res = await postJson(
      ctx,
      '/api/v1/tokens',
      { name: 'made by a leaver', scopes: ['read'] },
      creator.headers,
    )
    const { token } = expectMatches(CreatedToken, await res.json())
    const overview = () => ctx.app.request('/api/v1/overview', { headers: bearer(token) })
    const setDisabled = (disabled: boolean) =>
      postJson(ctx, `/api/v1/users/${creator.user.id}`, { disabled }, admin.headers, 'PATCH')
    expect((await overview()).status).toBe(200)
    expect((await setDisabled(true)).status).toBe(200)
    expect((await overview()).status).toBe(401)
    expect((await setDisabled(false)).status).toBe(200)
    expect((await overview()).status).toBe(200)
  })

  it('act with at most their creator’s current role, narrowed or stopped by a demotion', async () => {
    const creator = await loginAs(ctx, 'admin')
    const make = async (name: string, scopes: ('read' | 'ingest')[]) => {
      const res = await postJson(ctx, '/api/v1/tokens', { name, scopes }, creator.headers)
      return expectMatches(CreatedToken, await res.json())
    }
    const both = await make('probe and report', ['read', 'ingest'])
    const ingest = await make('probe only', ['ingest'])
    const me = async (token: string) => {
      const res = await ctx.app.request('/api/v1/auth/me', { headers: bearer(token) })
      return { status: res.status, body: (await res.json()) as { token?: { scopes: string[] } } }
    }
    const setRole = (role: string) =>
      postJson(ctx, `/api/v1/users/${creator.user.id}`, { role }, admin.headers, 'PATCH')
    const listed = async (id: number) => (await list()).find((t) => t.id === id)!
    expect((await me(both.token)).body.token?.scopes).toEqual(['ingest', 'read'])

    expect((await setRole('viewer')).status).toBe(200)
    // The admin-derived scope is gone: reading still works, ingesting does not.
    expect((await me(both.token)).body.token?.scopes).toEqual(['read'])
    expect(
      (await ctx.app.request('/api/v1/overview', { headers: bearer(both.token) })).status,
    ).toBe(200)
    // A token left with no scope stops altogether.
    expect((await me(ingest.token)).status).toBe(401)
    expect(await listed(both.id)).toMatchObject({
      scopes: ['ingest', 'read'],
      effectiveScopes: ['read'],
      createdBy: { role: 'viewer' },
    })
    expect((await listed(ingest.id)).effectiveScopes).toEqual([])

    // Promoted again, the tokens act with their full scopes again.
    expect((await setRole('admin')).status).toBe(200)
    expect((await me(both.token)).body.token?.scopes).toEqual(['ingest', 'read'])
    expect((await me(ingest.token)).status).toBe(200)
  })

  it('made by the system (no creator) answer to no account', async () => {
    const { token } = await insertToken(ctx.db, {
      name: 'system',
      scopes: ['read'],
      createdByUserId: null,
      now: NOW,
    })
    const res = await ctx.app.request('/api/v1/overview', { headers: bearer(token) })
    expect(res.status).toBe(200)
  })

  it('record creation and revocation in the audit log, without the token', async () => {
    const { body } = await newToken('audited', ['ingest'])
    await revoke(body.id)
    await revoke(body.id)
    const rows = await ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entity', '=', 'token')
      .where('entityId', '=', String(body.id))
      .orderBy('id')
      .execute()
    expect(
      rows.map(({ action, actorUserId, changes }) => ({ action, actorUserId, changes })),
    ).toEqual([
      {
        action: 'create',
        actorUserId: admin.user.id,
        changes: { name: { from: null, to: 'audited' }, scopes: { from: null, to: ['ingest'] } },
      },
      {
        action: 'revoke',
        actorUserId: admin.user.id,
        changes: { revokedAt: { from: null, to: NOW.toISOString() } },
      },
    ])
    expect(JSON.stringify(rows)).not.toContain(body.token)
  })

  it('need a name and known scopes', async () => {
    for (const bad of [
      { name: '', scopes: ['read'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['admin'] },
    ]) {
      const res = await postJson(ctx, '/api/v1/tokens', bad, admin.headers)
      expect(res.status).toBe(400)
      expectMatches(errorEnvelope(['validation_failed']), await res.json())
    }
  })

  it('scoped read can read data but not write or administer', async () => {
    const { body } = await newToken('reader', ['read'])
    expect(
      (await ctx.app.request('/api/v1/overview', { headers: bearer(body.token) })).status,
    ).toBe(200)
    const listing = await ctx.app.request('/api/v1/tokens', { headers: bearer(body.token) })
    expect(listing.status).toBe(403)
    expectMatches(errorEnvelope(['forbidden']), await listing.json())
    const res = await postJson(
      ctx,
      '/api/v1/tokens',
      { name: 'x', scopes: ['read'] },
      bearer(body.token),
    )
    expect(res.status).toBe(403)
  })
})
