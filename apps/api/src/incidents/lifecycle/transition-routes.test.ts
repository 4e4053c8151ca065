import { describe, expect, it } from 'vitest'
import { expectMatches, loginAs, postJson } from '../../../test/helpers.ts'
import { WrittenIncident } from './schemas.ts'
import { lifecycleTestApp } from './test-fixtures.ts'

// The clock stands at 09:00 UTC on Thursday 1 October 2026 and moves as each test says.
const START = new Date('2026-10-01T09:00:00Z')
const t = lifecycleTestApp(START)
const { ctx, declare, move, incidentRow, eventsOf, later } = t

describe('POST /api/v1/incidents/:ref/transitions', () => {
  it('acknowledges then resolves, setting the milestones and events in order, with authors', async () => {
    const { ref } = await declare()
    later(4)
    const ack = await move(ref, 'acknowledged')
    expect(ack.status).toBe(200)
    expect(expectMatches(WrittenIncident, await ack.json())).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: '2026-10-01T09:04:00.000Z',
      mitigatedAt: null,
    })
    const other = await loginAs(ctx, 'admin')
    later(30)
    const res = await postJson(
      ctx,
      `/api/v1/incidents/${ref}/transitions`,
      { to: 'resolved', note: 'Rolled back CHG-1234' },
      other.headers,
    )
    expect(await res.json()).toMatchObject({
      status: 'resolved',
      acknowledgedAt: '2026-10-01T09:04:00.000Z',
      mitigatedAt: '2026-10-01T09:30:00.000Z',
      resolvedAt: '2026-10-01T09:30:00.000Z',
    })
    const events = await eventsOf(ref)
    expect(events.map((e) => [e.kind, e.at.toISOString(), e.authorUserId, e.data])).toEqual([
      ['created', '2026-10-01T09:00:00.000Z', t.manager().user.id, expect.anything()],
      [
        'status',
        '2026-10-01T09:04:00.000Z',
        t.manager().user.id,
        {
          from: 'triggered',
          to: 'acknowledged',
          milestones: { acknowledgedAt: '2026-10-01T09:04:00.000Z' },
        },
      ],
      [
        'status',
        '2026-10-01T09:30:00.000Z',
        other.user.id,
        {
          from: 'acknowledged',
          to: 'resolved',
          note: 'Rolled back CHG-1234',
          milestones: {
            mitigatedAt: '2026-10-01T09:30:00.000Z',
            resolvedAt: '2026-10-01T09:30:00.000Z',
          },
        },
      ],
    ])
    expect(events[2]?.body).toBe('Resolved: Rolled back CHG-1234')
  })

  it('refuses an illegal move with 409 and its reason, and changes nothing', async () => {
    const { ref } = await declare()
    await move(ref, 'monitoring')
    const before = await incidentRow(ref)
    later(5)
    const res = await move(ref, 'acknowledged')
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual({
      error: {
        code: 'illegal_transition',
        message: 'An incident cannot go back from monitoring to acknowledged',
      },
    })
    expect(await incidentRow(ref)).toEqual(before)
    expect((await eventsOf(ref)).map((e) => e.kind)).toEqual(['created', 'status'])
    const unknown = await move('INC-1999-0001', 'acknowledged')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: { code: 'incident_not_found' } })
  })

  it('reopens a resolved incident, clearing resolvedAt and saying so in the event', async () => {
    const { ref } = await declare()
    later(10)
    await move(ref, 'resolved')
    later(20)
    const res = await move(ref, 'investigating', 'Errors are back')
    expect(await res.json()).toMatchObject({
      status: 'investigating',
      resolvedAt: null,
      mitigatedAt: '2026-10-01T09:10:00.000Z',
    })
    const last = (await eventsOf(ref)).at(-1)
    expect(last?.data).toMatchObject({
      from: 'resolved',
      to: 'investigating',
      reopened: true,
      clearedResolvedAt: '2026-10-01T09:10:00.000Z',
      milestones: { resolvedAt: null },
    })
    expect(last?.body).toMatch(/^Reopened: .*2026-10-01T09:10:00.000Z cleared: Errors are back$/)
  })

  it('closes a SEV1 only once its review is completed; closed is final', async () => {
    const { ref } = await declare({ severity: 'SEV1' })
    later(15)
    await move(ref, 'resolved')
    const refused = await move(ref, 'closed')
    expect(refused.status).toBe(409)
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'illegal_transition',
        message: 'A SEV1 incident needs a completed post-incident review before it is closed',
      },
    })
    const { id } = await incidentRow(ref)
    await ctx.db.insertInto('incidentReviews').values({ incidentId: id, rootCause: 'x' }).execute()
    expect((await move(ref, 'closed')).status).toBe(409) // a review begun is not completed
    await ctx.db
      .updateTable('incidentReviews')
      .set({ completedAt: ctx.clock.now })
      .where('incidentId', '=', id)
      .execute()
    const closed = await move(ref, 'closed')
    expect(closed.status).toBe(200)
    expect(await closed.json()).toMatchObject({
      status: 'closed',
      closedAt: '2026-10-01T09:15:00.000Z',
    })
    const again = await move(ref, 'investigating')
    expect(await again.json()).toMatchObject({
      error: { code: 'illegal_transition', message: 'The incident is closed: closed is final' },
    })
  })
})
