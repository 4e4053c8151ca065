import { describe, expect, it } from 'vitest'
import { expectMatches, loginAs, postJson } from '../../../test/helpers.ts'
import { AddedNote } from './schemas.ts'
import { lifecycleTestApp } from './test-fixtures.ts'

// The clock stands at 09:00 UTC on Thursday 1 October 2026 and moves as each test says.
const START = new Date('2026-10-01T09:00:00Z')
const t = lifecycleTestApp(START)
const { ctx, create, declare, eventsOf } = t

describe('POST /api/v1/incidents', () => {
  it('declares a triggered incident with its ref, services and created event', async () => {
    const incident = await declare({
      severity: 'SEV2',
      summary: 'Payments time out',
      customerImpact: 'Customers cannot pay',
      services: [
        { slug: 'life-web', impact: 'degraded' },
        { slug: 'life-api', impact: 'outage' },
      ],
      startedAt: '2026-10-01T08:40:00Z',
      detectedAt: '2026-10-01T08:45:00+00:00',
    })
    expect(incident).toMatchObject({
      ref: expect.stringMatching(/^INC-2026-\d{4}$/),
      status: 'triggered',
      severity: 'SEV2',
      customerImpact: 'Customers cannot pay',
      startedAt: '2026-10-01T08:40:00.000Z',
      detectedAt: '2026-10-01T08:45:00.000Z',
      acknowledgedAt: null,
      services: [
        { slug: 'life-api', impact: 'outage' },
        { slug: 'life-web', impact: 'degraded' },
      ],
    })
    const events = await eventsOf(incident.ref)
    expect(events).toEqual([
      expect.objectContaining({ kind: 'created', at: START, authorUserId: t.manager().user.id }),
    ])
  })

  it('numbers refs in order within the year it started, after the last one', async () => {
    await ctx.db
      .insertInto('incidents')
      .values({ ref: 'INC-2025-0041', title: 'Old', severity: 'SEV4', startedAt: START })
      .execute()
    const a = await declare({ startedAt: '2025-12-31T23:30:00Z' })
    const b = await declare({ startedAt: '2025-06-01T10:00:00Z' })
    expect([a.ref, b.ref]).toEqual(['INC-2025-0042', 'INC-2025-0043'])
    // The year is the organisation's: 03:00 UTC on 1 January 2026 is still 2025 in New York.
    const settings = ctx.db.updateTable('organisationSettings')
    await settings.set({ timezone: 'America/New_York' }).execute()
    const c = await declare({ startedAt: '2026-01-01T03:00:00Z' })
    await settings.set({ timezone: 'Europe/London' }).execute()
    expect(c.ref).toBe('INC-2025-0044')
    expect((await declare()).ref).toMatch(/^INC-2026-/)
  })

  it('refuses an unknown or archived service by slug, an unknown commander, a future start', async () => {
    const unknown = await create({
      services: [
        { slug: 'life-api', impact: 'outage' },
        { slug: 'nope', impact: 'outage' },
      ],
    })
    expect(unknown.status).toBe(422)
    expect(await unknown.json()).toEqual({
      error: {
        code: 'unknown_service',
        message: 'No service has the slug nope',
        details: [{ path: 'json.services.1.slug', message: 'is no service’s slug' }],
      },
    })
    const archived = await create({ services: [{ slug: 'life-old', impact: 'degraded' }] })
    expect(archived.status).toBe(422)
    expect(await archived.json()).toMatchObject({ error: { code: 'service_archived' } })
    const commander = await create({ commanderPersonId: 999_999 })
    expect(commander.status).toBe(422)
    expect(await commander.json()).toMatchObject({ error: { code: 'unknown_person' } })
    const future = await create({ startedAt: '2026-10-01T09:01:00Z' })
    expect(future.status).toBe(400)
    expect(await future.json()).toMatchObject({
      error: { details: [{ path: 'json.startedAt', message: 'must not be in the future' }] },
    })
    const before = await create({
      startedAt: '2026-10-01T08:00:00Z',
      detectedAt: '2026-10-01T07:00:00Z',
    })
    expect(before.status).toBe(400)
    expect(await before.json()).toMatchObject({
      error: { details: [{ path: 'json.detectedAt', message: 'must not be before the start' }] },
    })
    const count = await ctx.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('title', 'like', 'Checkout failing%')
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(t.created() - 5) // the five refused above made nothing
  })

  it('refuses invalid bodies with 400 naming the field', async () => {
    for (const [body, path] of [
      [{ title: '' }, 'json.title'],
      [{ severity: 'SEV9' }, 'json.severity'],
      [{ services: [] }, 'json.services'],
      [{ services: [{ slug: 'life-api', impact: 'down' }] }, 'json.services.0.impact'],
      [{ startedAt: 'yesterday' }, 'json.startedAt'],
      [{ colour: 'red' }, 'json'],
    ] as const) {
      const res = await create(body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      const json = (await res.json()) as { error: { code: string; details: { path: string }[] } }
      expect(json.error.code).toBe('validation_failed')
      expect(json.error.details.map((d) => d.path)).toContain(path)
    }
  })
})

describe('POST /api/v1/incidents/:ref/notes', () => {
  it('stores a note verbatim, markup and all, as an event of its author', async () => {
    const { ref } = await declare()
    const body = '  <script>alert("x")</script>\n& <b>bold</b>  '
    const res = await postJson(ctx, `/api/v1/incidents/${ref}/notes`, { body }, t.manager().headers)
    expect(res.status).toBe(201)
    const added = expectMatches(AddedNote, await res.json())
    expect(added.event).toMatchObject({ kind: 'note', body, authorUserId: t.manager().user.id })
    expect((await eventsOf(ref)).at(-1)).toMatchObject({ kind: 'note', body })
  })

  it('refuses an empty or too long note', async () => {
    const { ref } = await declare()
    for (const body of ['  ', 'x'.repeat(10_001)]) {
      const res = await postJson(
        ctx,
        `/api/v1/incidents/${ref}/notes`,
        { body },
        t.manager().headers,
      )
      expect(res.status).toBe(400)
    }
  })
})

describe('the writes as a viewer', () => {
  it('refuses every one with 403 and changes nothing', async () => {
    const { ref } = await declare()
    const viewer = (await loginAs(ctx, 'viewer')).headers
    const calls = [
      create({}, viewer),
      postJson(ctx, `/api/v1/incidents/${ref}/transitions`, { to: 'acknowledged' }, viewer),
      postJson(ctx, `/api/v1/incidents/${ref}/notes`, { body: 'hi' }, viewer),
      postJson(
        ctx,
        `/api/v1/incidents/${ref}/corrections`,
        { field: 'startedAt', value: '2026-10-01T08:00:00Z', reason: 'r' },
        viewer,
      ),
      postJson(ctx, `/api/v1/incidents/${ref}`, { title: 'Renamed' }, viewer, 'PATCH'),
    ]
    for (const call of calls) {
      const res = await call
      expect(res.status).toBe(403)
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden' } })
    }
    expect((await eventsOf(ref)).map((e) => e.kind)).toEqual(['created'])
  })
})
