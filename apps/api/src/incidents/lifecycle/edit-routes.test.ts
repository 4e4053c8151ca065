import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  expectMatches,
  loginAs,
  postJson,
  type TestUser,
  useClockedApp,
} from '../../../test/helpers.ts'
import { WrittenIncident } from './schemas.ts'

// Corrections and edits of an incident declared at 09:00 UTC on 1 October 2026 and acknowledged
// at 09:04; the clock then stands at 09:30.
const START = new Date('2026-10-01T09:00:00Z')
const MINUTE = 60_000
const ctx = useClockedApp(START)

let manager: { user: TestUser; headers: Record<string, string> }
let ref: string
beforeAll(async () => {
  await ctx.db
    .insertInto('services')
    .values([
      { slug: 'edit-api', name: 'API', tier: 1, sloTarget: 0.999 },
      { slug: 'edit-web', name: 'Web', tier: 2, sloTarget: 0.99 },
    ])
    .execute()
})
beforeEach(async () => {
  manager = await loginAs(ctx, 'manager')
  const res = await postJson(
    ctx,
    '/api/v1/incidents',
    { title: 'Slow pages', severity: 'SEV3', services: [{ slug: 'edit-api', impact: 'degraded' }] },
    manager.headers,
  )
  ref = expectMatches(WrittenIncident, await res.json()).ref
  ctx.clock.now = new Date(START.getTime() + 4 * MINUTE)
  await postJson(
    ctx,
    `/api/v1/incidents/${ref}/transitions`,
    { to: 'acknowledged' },
    manager.headers,
  )
  ctx.clock.now = new Date(START.getTime() + 30 * MINUTE)
})

const correct = (body: Record<string, unknown>) =>
  postJson(ctx, `/api/v1/incidents/${ref}/corrections`, body, manager.headers)
const patch = (body: Record<string, unknown>) =>
  postJson(ctx, `/api/v1/incidents/${ref}`, body, manager.headers, 'PATCH')
const incidentRow = () =>
  ctx.db.selectFrom('incidents').selectAll().where('ref', '=', ref).executeTakeFirstOrThrow()
const eventsOf = async () =>
  ctx.db
    .selectFrom('incidentEvents')
    .select(['id', 'kind', 'body', 'authorUserId', 'data'])
    .where('incidentId', '=', (await incidentRow()).id)
    .orderBy('id')
    .execute()
const auditOf = async () =>
  ctx.db
    .selectFrom('auditLog')
    .select(['action', 'changes', 'actorUserId'])
    .where('entity', '=', 'incident')
    .where('entityId', '=', String((await incidentRow()).id))
    .orderBy('id')
    .execute()

describe('POST /api/v1/incidents/:ref/corrections', () => {
  it('corrects a milestone, on the timeline and in the audit log', async () => {
    const reason = 'The on-call engineer acknowledged by phone first'
    const res = await correct({ field: 'acknowledgedAt', value: '2026-10-01T09:02:00Z', reason })
    expect(res.status).toBe(200)
    expect(expectMatches(WrittenIncident, await res.json())).toMatchObject({
      acknowledgedAt: '2026-10-01T09:02:00.000Z',
    })
    const change = {
      field: 'acknowledgedAt',
      from: '2026-10-01T09:04:00.000Z',
      to: '2026-10-01T09:02:00.000Z',
      reason,
    }
    expect((await eventsOf()).at(-1)).toMatchObject({
      kind: 'correction',
      authorUserId: manager.user.id,
      data: change,
    })
    expect(await auditOf()).toEqual([
      {
        action: 'correct',
        actorUserId: manager.user.id,
        changes: { ref, acknowledgedAt: { from: change.from, to: change.to }, reason },
      },
    ])
  })

  it('refuses a value that is no time with one problem, not the year checks too', async () => {
    const res = await correct({ field: 'detectedAt', value: 'yesterday', reason: 'A typo' })
    expect(res.status).toBe(400)
    const { error } = (await res.json()) as { error: { details: { path: string }[] } }
    expect(error.details).toEqual([expect.objectContaining({ path: 'json.value' })])
  })

  it('refuses, naming the field, a time out of order, in the future or not clearable', async () => {
    const before = await incidentRow()
    const cases = [
      [
        { field: 'acknowledgedAt', value: '2026-10-01T08:59:00Z' },
        'Acknowledged at must not be before the start',
      ],
      [
        { field: 'startedAt', value: '2026-10-01T09:05:00Z' },
        'Started at must not be after the acknowledgement',
      ],
      [
        { field: 'detectedAt', value: '2026-10-01T09:31:00Z' },
        'Detected at must not be in the future',
      ],
      [
        { field: 'acknowledgedAt', value: null },
        'Acknowledged at cannot be cleared: the incident is acknowledged',
      ],
      [
        { field: 'resolvedAt', value: '2026-10-01T09:20:00Z' },
        'Resolved at is set by resolving the incident, not by a correction',
      ],
    ] as const
    for (const [body, message] of cases) {
      const res = await correct({ ...body, reason: 'A typo' })
      expect(res.status).toBe(400)
      expect(await res.json()).toEqual({
        error: {
          code: 'validation_failed',
          message: `Invalid request: json.value: ${message}`,
          details: [{ path: 'json.value', field: body.field, message }],
        },
      })
    }
    expect(await incidentRow()).toEqual(before)
    expect((await eventsOf()).map((e) => e.kind)).toEqual(['created', 'status'])
    expect(await auditOf()).toEqual([])
  })

  it('needs a reason and a known field; the same time again records nothing', async () => {
    const noReason = await correct({
      field: 'startedAt',
      value: '2026-10-01T08:50:00Z',
      reason: ' ',
    })
    expect(noReason.status).toBe(400)
    expect(await noReason.json()).toMatchObject({ error: { details: [{ path: 'json.reason' }] } })
    const badField = await correct({ field: 'closedAt', value: null, reason: 'r' })
    expect(badField.status).toBe(400)
    const same = await correct({
      field: 'acknowledgedAt',
      value: '2026-10-01T09:04:00Z',
      reason: 'r',
    })
    expect(same.status).toBe(200)
    expect(await auditOf()).toEqual([])
    const missing = await postJson(
      ctx,
      '/api/v1/incidents/INC-1999-0001/corrections',
      { field: 'startedAt', value: '2026-10-01T08:50:00Z', reason: 'r' },
      manager.headers,
    )
    expect(missing.status).toBe(404)
  })
})

describe('PATCH /api/v1/incidents/:ref', () => {
  it('puts severity and services changes on the timeline and audits every field', async () => {
    const res = await patch({
      title: 'Checkout down',
      severity: 'SEV1',
      services: [
        { slug: 'edit-web', impact: 'outage' },
        { slug: 'edit-api', impact: 'outage' },
      ],
    })
    expect(res.status).toBe(200)
    expect(expectMatches(WrittenIncident, await res.json())).toMatchObject({
      title: 'Checkout down',
      severity: 'SEV1',
      services: [
        { slug: 'edit-api', impact: 'outage' },
        { slug: 'edit-web', impact: 'outage' },
      ],
    })
    const events = (await eventsOf()).slice(2)
    expect(events.map((e) => [e.kind, e.authorUserId, e.data])).toEqual([
      ['severity', manager.user.id, { from: 'SEV3', to: 'SEV1' }],
      [
        'services',
        manager.user.id,
        {
          from: ['edit-api'],
          to: ['edit-web', 'edit-api'],
          impacts: { 'edit-web': 'outage', 'edit-api': 'outage' },
        },
      ],
    ])
    expect(await auditOf()).toEqual([
      expect.objectContaining({
        action: 'update',
        changes: {
          ref,
          title: { from: 'Slow pages', to: 'Checkout down' },
          severity: { from: 'SEV3', to: 'SEV1' },
          services: { from: 'edit-api (degraded)', to: 'edit-api (outage), edit-web (outage)' },
        },
      }),
    ])
  })

  it('writes nothing for a patch that changes nothing; refuses unknown services and refs', async () => {
    const same = await patch({ title: 'Slow pages', severity: 'SEV3' })
    expect(same.status).toBe(200)
    expect(await auditOf()).toEqual([])
    const unknown = await patch({ services: [{ slug: 'nope', impact: 'outage' }] })
    expect(unknown.status).toBe(422)
    expect(await unknown.json()).toMatchObject({
      error: { code: 'unknown_service', details: [{ path: 'json.services.0.slug' }] },
    })
    const missing = await postJson(
      ctx,
      '/api/v1/incidents/INC-1999-0001',
      { title: 'x' },
      manager.headers,
      'PATCH',
    )
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { code: 'incident_not_found' } })
    expect((await eventsOf()).length).toBe(2)
  })
})

describe('the timeline', () => {
  it('is immutable: the database refuses to change an event', async () => {
    const [first] = await eventsOf()
    await expect(
      ctx.db
        .updateTable('incidentEvents')
        .set({ body: 'rewritten' })
        .where('id', '=', first!.id)
        .execute(),
    ).rejects.toThrow('incident events cannot be changed')
  })
})
