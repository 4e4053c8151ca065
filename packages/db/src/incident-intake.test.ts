import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FiringSignal, intakeSignal, type ResolvedSignal } from './incident-intake.ts'
import { insertNumberedIncident } from './incident-refs.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

let t: TestDatabase
let api: { serviceId: number; slug: string }
let web: { serviceId: number; slug: string }
beforeAll(async () => {
  t = await createTestDatabase()
  const rows = await t.db
    .insertInto('services')
    .values(
      ['intake-api', 'intake-web'].map((slug) => ({ slug, name: slug, tier: 1, sloTarget: 0.999 })),
    )
    .returning(['id', 'slug'])
    .execute()
  ;[api, web] = rows.map((r) => ({ serviceId: r.id, slug: r.slug })) as [typeof api, typeof api]
})
afterAll(() => t.drop())

const at = (hhmm: string) => new Date(`2026-06-10T${hhmm}:00Z`)
let n = 0

const firing = (key: string, over: Partial<FiringSignal> = {}): FiringSignal => ({
  source: 'test',
  externalId: key,
  author: 'Test tool',
  at: at('10:00'),
  body: 'Alerts firing',
  data: { delivery: ++n },
  status: 'firing',
  title: 'Checkout errors',
  summary: '',
  severity: 'SEV3',
  alertStarts: [at('09:58')],
  services: [api],
  impact: 'degraded',
  state: 'a',
  ...over,
})

const resolved = (key: string, over: Partial<ResolvedSignal> = {}): ResolvedSignal => ({
  source: 'test',
  externalId: key,
  author: 'Test tool',
  at: at('10:30'),
  body: 'Alerts resolved',
  data: { delivery: ++n },
  status: 'resolved',
  endedAt: at('10:25'),
  resolves: true,
  ...over,
})

const incident = (ref: string) =>
  t.db.selectFrom('incidents').selectAll().where('ref', '=', ref).executeTakeFirstOrThrow()

const events = async (ref: string) => {
  const { id } = await incident(ref)
  return t.db
    .selectFrom('incidentEvents')
    .select(['kind', 'at', 'body', 'author', 'authorUserId', 'data'])
    .where('incidentId', '=', id)
    .orderBy('id')
    .execute()
}

const services = async (ref: string) => {
  const { id } = await incident(ref)
  return t.db
    .selectFrom('incidentServices as i')
    .innerJoin('services as s', 's.id', 'i.serviceId')
    .select(['s.slug', 'i.impact'])
    .where('i.incidentId', '=', id)
    .orderBy('s.slug')
    .execute()
}

describe('insertNumberedIncident', () => {
  it('numbers refs within the organisation’s year of the start, in order, under races', async () => {
    // 23:30 UTC on 31 December is already 2027 in Tokyo (UTC+9), still 2026 in London.
    const newYearsEve = new Date('2026-12-31T23:30:00Z')
    await t.db.updateTable('organisationSettings').set({ timezone: 'Asia/Tokyo' }).execute()
    const tokyo = await insertNumberedIncident(
      t.db,
      { title: 'Tokyo', severity: 'SEV4', startedAt: newYearsEve },
      newYearsEve,
    )
    await t.db.updateTable('organisationSettings').set({ timezone: 'Europe/London' }).execute()
    const london = await insertNumberedIncident(
      t.db,
      { title: 'London', severity: 'SEV4', startedAt: newYearsEve },
      newYearsEve,
    )
    expect([tokyo.ref, london.ref]).toEqual(['INC-2027-0001', 'INC-2026-0001'])

    const raced = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        insertNumberedIncident(
          t.db,
          { title: `Race ${i}`, severity: 'SEV4', startedAt: newYearsEve },
          newYearsEve,
        ),
      ),
    )
    expect(raced.map((r) => r.ref).sort()).toEqual([
      'INC-2026-0002',
      'INC-2026-0003',
      'INC-2026-0004',
      'INC-2026-0005',
    ])
  })
})

describe('intakeSignal', () => {
  it('opens an incident from the earliest alert start, detected when received, by the source', async () => {
    const result = await intakeSignal(
      t.db,
      firing('open-1', { alertStarts: [at('09:59'), at('09:55')], severity: 'SEV2' }),
    )
    expect(result).toMatchObject({ outcome: 'opened', ref: expect.stringMatching(/^INC-2026-/) })
    const row = await incident(result.ref!)
    expect(row).toMatchObject({
      status: 'triggered',
      severity: 'SEV2',
      title: 'Checkout errors',
      startedAt: at('09:55'),
      detectedAt: at('10:00'),
      source: 'test',
      externalId: 'open-1',
    })
    expect(await services(result.ref!)).toEqual([{ slug: 'intake-api', impact: 'degraded' }])
    const timeline = await events(result.ref!)
    expect(timeline.map((e) => [e.kind, e.author, e.authorUserId])).toEqual([
      ['created', 'Test tool', null],
      ['alert', 'Test tool', null],
    ])
    expect(timeline[0]!.body).toBe(
      'Opened by Test tool: SEV2 Checkout errors. Affected: intake-api (degraded)',
    )
    expect(timeline[1]!.data).toMatchObject({ state: 'a', source: 'test', externalId: 'open-1' })
  })

  it('updates the open incident: severity only up, services added, the same state ignored', async () => {
    const { ref } = await intakeSignal(t.db, firing('update-1'))
    const again = await intakeSignal(t.db, firing('update-1', { at: at('10:05') }))
    expect(again).toMatchObject({ outcome: 'ignored', ref })
    expect(await events(ref!)).toHaveLength(2)

    const raised = await intakeSignal(
      t.db,
      firing('update-1', { at: at('10:10'), severity: 'SEV1', services: [web, api], state: 'b' }),
    )
    expect(raised).toMatchObject({ outcome: 'updated', ref })
    const lowered = await intakeSignal(
      t.db,
      firing('update-1', { at: at('10:15'), severity: 'SEV4', state: 'c' }),
    )
    expect(lowered).toMatchObject({ outcome: 'updated', ref })
    expect(await incident(ref!)).toMatchObject({ severity: 'SEV1', updatedAt: at('10:15') })
    expect(await services(ref!)).toEqual([
      { slug: 'intake-api', impact: 'degraded' },
      { slug: 'intake-web', impact: 'degraded' },
    ])
    const timeline = await events(ref!)
    expect(timeline.slice(2).map((e) => [e.kind, e.body])).toEqual([
      ['severity', 'Severity SEV3 → SEV1 (Test tool)'],
      ['services', 'Affected services added by Test tool: intake-web (degraded)'],
      ['alert', 'Alerts firing'],
      ['alert', 'Alerts firing'],
    ])
    expect(timeline[3]!.data).toEqual({
      from: ['intake-api'],
      to: ['intake-api', 'intake-web'],
      impacts: { 'intake-api': 'degraded', 'intake-web': 'degraded' },
    })
  })

  it('resolves at the source’s end, with the milestones a resolve implies', async () => {
    const { ref } = await intakeSignal(t.db, firing('resolve-1'))
    const result = await intakeSignal(t.db, resolved('resolve-1'))
    expect(result).toMatchObject({ outcome: 'resolved', ref })
    expect(await incident(ref!)).toMatchObject({
      status: 'resolved',
      acknowledgedAt: at('10:25'),
      mitigatedAt: at('10:25'),
      resolvedAt: at('10:25'),
      updatedAt: at('10:30'),
    })
    const last = (await events(ref!)).at(-1)!
    expect(last).toMatchObject({
      kind: 'status',
      body: 'Resolved by Test tool',
      author: 'Test tool',
      data: {
        from: 'triggered',
        to: 'resolved',
        milestones: {
          acknowledgedAt: '2026-06-10T10:25:00.000Z',
          mitigatedAt: '2026-06-10T10:25:00.000Z',
          resolvedAt: '2026-06-10T10:25:00.000Z',
        },
      },
    })
  })

  it('never resolves before a milestone already set, nor after now', async () => {
    const { ref } = await intakeSignal(t.db, firing('resolve-2'))
    await t.db
      .updateTable('incidents')
      .set({ status: 'acknowledged', acknowledgedAt: at('10:20') })
      .where('ref', '=', ref)
      .execute()
    await intakeSignal(t.db, resolved('resolve-2', { endedAt: at('10:10') }))
    expect(await incident(ref!)).toMatchObject({
      acknowledgedAt: at('10:20'),
      mitigatedAt: at('10:20'),
      resolvedAt: at('10:20'),
    })
    const { ref: later } = await intakeSignal(t.db, firing('resolve-3'))
    await intakeSignal(t.db, resolved('resolve-3', { endedAt: at('11:00') }))
    expect(await incident(later!)).toMatchObject({ resolvedAt: at('10:30') })
  })

  it('leaves a manual resolve alone: a late end is noted, a re-sent alert ignored', async () => {
    const { ref } = await intakeSignal(t.db, firing('manual-1'))
    await t.db
      .updateTable('incidents')
      .set({ status: 'resolved', acknowledgedAt: at('10:05'), mitigatedAt: at('10:05') })
      .set({ resolvedAt: at('10:05') })
      .where('ref', '=', ref)
      .execute()
    const before = await incident(ref!)

    const late = await intakeSignal(t.db, resolved('manual-1'))
    expect(late).toMatchObject({ outcome: 'ignored', ref })
    expect(late.detail).toBe(`${ref} was already resolved at 2026-06-10T10:05:00.000Z`)
    expect(await incident(ref!)).toEqual(before)
    expect((await events(ref!)).at(-1)).toMatchObject({
      kind: 'alert',
      body: 'Alerts resolved (the incident was already resolved at 2026-06-10T10:05:00.000Z: nothing changed)',
    })

    // Still firing since 09:58, sent again: what was dealt with stays dealt with.
    const resent = await intakeSignal(t.db, firing('manual-1', { at: at('14:00'), state: 'x' }))
    expect(resent).toMatchObject({ outcome: 'ignored', ref })
    expect(await incident(ref!)).toEqual(before)

    // An alert that began after the resolution opens a new incident from its own start.
    const fresh = await intakeSignal(
      t.db,
      firing('manual-1', { at: at('14:05'), alertStarts: [at('09:58'), at('14:01')], state: 'y' }),
    )
    expect(fresh.outcome).toBe('opened')
    expect(fresh.ref).not.toBe(ref)
    expect(await incident(fresh.ref!)).toMatchObject({
      status: 'triggered',
      startedAt: at('14:01'),
    })
  })

  it('writes nothing for the late end of a closed incident, or of none', async () => {
    const { ref } = await intakeSignal(t.db, firing('closed-1'))
    await t.db
      .updateTable('incidents')
      .set({ status: 'closed', acknowledgedAt: at('10:05'), mitigatedAt: at('10:05') })
      .set({ resolvedAt: at('10:05'), closedAt: at('10:06') })
      .where('ref', '=', ref)
      .execute()
    const count = (await events(ref!)).length
    expect(await intakeSignal(t.db, resolved('closed-1'))).toMatchObject({
      outcome: 'ignored',
      ref,
    })
    expect(await events(ref!)).toHaveLength(count)
    expect(await intakeSignal(t.db, resolved('never-seen'))).toEqual({
      outcome: 'ignored',
      incidentId: null,
      ref: null,
      detail: 'no incident was opened for this',
    })
  })

  it('only notes an end that does not resolve, and the incident stays open', async () => {
    const { ref } = await intakeSignal(t.db, firing('note-1'))
    const result = await intakeSignal(t.db, resolved('note-1', { resolves: false }))
    expect(result).toMatchObject({ outcome: 'updated', ref })
    expect(await incident(ref!)).toMatchObject({ status: 'triggered', resolvedAt: null })
    expect((await events(ref!)).at(-1)).toMatchObject({ kind: 'alert', body: 'Alerts resolved' })
  })

  it('opens one incident when two deliveries of a new problem arrive at once', async () => {
    const both = await Promise.all([
      intakeSignal(t.db, firing('race-1', { state: 'one' })),
      intakeSignal(t.db, firing('race-1', { state: 'two' })),
    ])
    expect(both.map((r) => r.outcome).sort()).toEqual(['opened', 'updated'])
    expect(both[0].ref).toBe(both[1].ref)
  })
})
