import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAudit } from '../lib/audit.ts'
import { errorEnvelope } from '../lib/openapi.ts'
import { AuditPage } from './schemas.ts'
import { createToken, expectMatches, loginAs, setupApp, type TestApp } from '../../test/helpers.ts'

let ctx: TestApp
let admin: Awaited<ReturnType<typeof loginAs>>
let token: Awaited<ReturnType<typeof createToken>>
beforeAll(async () => {
  ctx = await setupApp(new Date('2026-11-04T12:00:00Z'))
  admin = await loginAs(ctx, 'admin')
  token = await createToken(ctx.db, ['ingest'])
  const entry = (
    entityId: string,
    at: string,
    actor: { userId: number | null; tokenId: number | null },
  ) =>
    recordAudit(
      ctx.db,
      { at: new Date(at), requestId: null, actor },
      { entity: 'thing', entityId, action: 'update', changes: { n: { from: 1, to: 2 } } },
    )
  await entry('1', '2026-10-01T10:00:00Z', { userId: admin.user.id, tokenId: null })
  await entry('2', '2026-10-02T10:00:00Z', { userId: null, tokenId: token.id })
  await entry('1', '2026-10-03T10:00:00Z', { userId: null, tokenId: null })
  for (let i = 0; i < 5; i++)
    await entry('page', '2026-10-04T10:00:00Z', { userId: null, tokenId: null })
})
afterAll(() => ctx.drop())

const audit = (query: string) =>
  ctx.app.request(`/api/v1/audit${query}`, { headers: admin.headers })

async function get(query: string) {
  const res = await audit(query)
  expect(res.status).toBe(200)
  return { status: res.status, body: expectMatches(AuditPage, await res.json()) }
}

async function refused(query: string) {
  const res = await audit(query)
  expect(res.status).toBe(400)
  return expectMatches(errorEnvelope(['validation_failed', 'invalid_range']), await res.json())
}

describe('GET /api/v1/audit', () => {
  it('names who did it: a user, a token or the system', async () => {
    const { status, body } = await get('?entity=thing&entityId=1')
    expect(status).toBe(200)
    expect(body.entries.map((e) => e.actor)).toEqual([
      { type: 'system' },
      { type: 'user', id: admin.user.id, email: admin.user.email },
    ])
    const byToken = await get('?entity=thing&entityId=2')
    expect(byToken.body.entries).toEqual([
      {
        id: expect.any(Number),
        at: '2026-10-02T10:00:00.000Z',
        actor: { type: 'token', id: token.id, name: token.name },
        entity: 'thing',
        entityId: '2',
        action: 'update',
        changes: { n: { from: 1, to: 2 } },
        requestId: null,
      },
    ])
  })

  it('filters by actor, action and time', async () => {
    const mine = await get(`?entity=thing&actorUserId=${admin.user.id}`)
    expect(mine.body.entries.map((e) => e.entityId)).toEqual(['1'])
    const window = await get('?entity=thing&from=2026-10-02T00:00:00Z&to=2026-10-03T00:00:00Z')
    expect(window.body.entries.map((e) => e.entityId)).toEqual(['2'])
    const logins = await get('?entity=auth&action=login')
    expect(logins.body.entries).toEqual([
      expect.objectContaining({
        entityId: String(admin.user.id),
        actor: expect.objectContaining({ id: admin.user.id }),
      }),
    ])
  })

  it('pages newest first with a cursor', async () => {
    const first = await get('?entityId=page&limit=3')
    expect(first.body.entries).toHaveLength(3)
    const ids = first.body.entries.map((e) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(first.body.nextBefore).toBe(ids[2])
    const second = await get(`?entityId=page&limit=3&before=${first.body.nextBefore}`)
    expect(second.body.entries).toHaveLength(2)
    expect(second.body.nextBefore).toBeNull()
    expect(second.body.entries[0]!.id).toBeLessThan(ids[2]!)
  })

  it('refuses a limit over 200, a bad time and a reversed range', async () => {
    expect((await refused('?limit=500')).error.code).toBe('validation_failed')
    expect((await refused('?from=yesterday')).error.details?.[0]?.path).toBe('query.from')
    const reversed = await refused('?from=2026-10-03T00:00:00Z&to=2026-10-02T00:00:00Z')
    expect(reversed.error).toMatchObject({
      code: 'invalid_range',
      details: [{ path: 'query.from' }],
    })
  })
})
