import { ingestSamples } from '@opsdeck/db'
import { describe, expect, it } from 'vitest'
import {
  createToken,
  createUser,
  expectMatches,
  loginAs,
  useClockedApp,
} from '../../../test/helpers.ts'
import {
  insertIncident,
  insertPerson,
  insertService,
  insertTeam,
  minutesAfter,
} from './read-fixtures.ts'
import { IncidentDetail } from './schemas.ts'

// GET /api/v1/incidents/:ref. Now: Tuesday 10 November 2026 12:00Z, which is already Wednesday
// 11 November 01:00 in Auckland (NZDT, UTC+13), the organisation's zone in the overdue test.
const NOW = new Date('2026-11-10T12:00:00Z')
const ctx = useClockedApp(NOW)

async function detail(ref: string) {
  const { headers } = await loginAs(ctx, 'viewer')
  const res = await ctx.app.request(`/api/v1/incidents/${ref}`, { headers })
  const body = await res.json()
  expect(res.status, JSON.stringify(body)).toBe(200)
  return expectMatches(IncidentDetail, body)
}

describe('GET /api/v1/incidents/:ref', () => {
  it('gives the incident with its services, commander, milestones and target states', async () => {
    const team = await insertTeam(ctx.db, 'det-team')
    const svc = await insertService(ctx.db, 'det-api', team)
    const grace = await insertPerson(ctx.db, team, 'Grace Hopper')
    const id = await insertIncident(ctx.db, {
      ref: 'DET-1',
      title: 'API errors',
      severity: 'SEV2',
      status: 'monitoring',
      startedAt: '2026-11-10T09:00:00Z',
      ackAfter: 20,
      commanderPersonId: grace,
      services: [{ id: svc, impact: 'degraded' }],
    })
    await ctx.db
      .updateTable('incidents')
      .set({
        summary: 'A bad deploy.',
        customerImpact: 'Checkout slow for 1 in 10.',
        detectedAt: '2026-11-10T09:02:00Z',
        mitigatedAt: '2026-11-10T10:00:00Z',
        source: 'alertmanager',
      })
      .where('id', '=', id)
      .execute()

    const body = await detail('DET-1')
    expect(body).toMatchObject({ now: NOW.toISOString(), timezone: 'Europe/London' })
    expect(body.incident).toEqual({
      ref: 'DET-1',
      title: 'API errors',
      severity: 'SEV2',
      status: 'monitoring',
      startedAt: '2026-11-10T09:00:00.000Z',
      detectedAt: '2026-11-10T09:02:00.000Z',
      acknowledgedAt: '2026-11-10T09:20:00.000Z',
      mitigatedAt: '2026-11-10T10:00:00.000Z',
      resolvedAt: null,
      closedAt: null,
      durationMinutes: 180,
      commander: { id: grace, name: 'Grace Hopper' },
      services: [{ slug: 'det-api', name: 'Service det-api', impact: 'degraded' }],
      summary: 'A bad deploy.',
      customerImpact: 'Checkout slow for 1 in 10.',
      source: 'alertmanager',
      // SEV2: acknowledge within 15 min (took 20: breached), resolve within 480 (300 left).
      responseTargets: {
        ack: {
          state: 'breached',
          minutes: 20,
          targetMinutes: 15,
          leftMinutes: null,
          dueAt: '2026-11-10T09:15:00.000Z',
        },
        resolve: {
          state: 'pending',
          minutes: 180,
          targetMinutes: 480,
          leftMinutes: 300,
          dueAt: '2026-11-10T17:00:00.000Z',
        },
      },
    })
    expect(body.timeline).toEqual([])
    expect(body.review).toBeNull()
    expect(body.actions).toEqual([])
  })

  it('reads the targets as an admin set them', async () => {
    await insertIncident(ctx.db, {
      ref: 'DET-T',
      severity: 'SEV4',
      startedAt: '2026-11-10T11:00:00Z',
    })
    await ctx.db
      .updateTable('incidentResponseTargets')
      .set({ ackMinutes: 30 })
      .where('severity', '=', 'SEV4')
      .execute()
    const { incident } = await detail('DET-T')
    expect(incident.responseTargets?.ack).toMatchObject({ state: 'breached', leftMinutes: -30 })
  })

  it('gives the whole timeline oldest first, each event with its author name', async () => {
    const id = await insertIncident(ctx.db, {
      ref: 'DET-2',
      severity: 'SEV3',
      startedAt: '2026-11-09T08:00:00Z',
    })
    const user = await createUser(ctx.db, 'manager')
    const at = (m: number) => minutesAfter('2026-11-09T08:00:00Z', m)
    // Written out of order; two at the same instant keep the order they were written in.
    await ctx.db
      .insertInto('incidentEvents')
      .values([
        {
          incidentId: id,
          at: at(30),
          kind: 'note',
          body: 'Rolled back <b>v42</b>',
          authorUserId: user.id,
        },
        { incidentId: id, at: at(0), kind: 'alert', body: 'HTTP 503', author: 'alertmanager' },
        {
          incidentId: id,
          at: at(10),
          kind: 'status',
          body: 'Acknowledged',
          authorUserId: user.id,
          data: { from: 'triggered', to: 'acknowledged' },
        },
        { incidentId: id, at: at(30), kind: 'page', body: 'Paged on-call' },
      ])
      .execute()

    const { timeline } = await detail('DET-2')
    expect(timeline).toEqual([
      {
        at: at(0).toISOString(),
        kind: 'alert',
        body: 'HTTP 503',
        author: 'alertmanager',
        data: {},
      },
      {
        at: at(10).toISOString(),
        kind: 'status',
        body: 'Acknowledged',
        author: user.name,
        data: { from: 'triggered', to: 'acknowledged' },
      },
      {
        at: at(30).toISOString(),
        kind: 'note',
        body: 'Rolled back <b>v42</b>',
        author: user.name,
        data: {},
      },
      { at: at(30).toISOString(), kind: 'page', body: 'Paged on-call', author: null, data: {} },
    ])
  })

  it('gives the review and flags open actions due before today in the organisation zone', async () => {
    await ctx.db.updateTable('organisationSettings').set({ timezone: 'Pacific/Auckland' }).execute()
    try {
      const team = await insertTeam(ctx.db, 'act-team')
      const owner = await insertPerson(ctx.db, team, 'Alan Turing')
      const id = await insertIncident(ctx.db, {
        ref: 'DET-3',
        severity: 'SEV1',
        status: 'closed',
        startedAt: '2026-11-01T08:00:00Z',
        ackAfter: 3,
        resolveAfter: 100,
      })
      await ctx.db
        .insertInto('incidentReviews')
        .values({
          incidentId: id,
          rootCause: 'Expired certificate',
          contributingFactors: 'No expiry alert',
          wentWell: 'Fast rollback',
          lessons: 'Automate renewals',
          completedAt: '2026-11-03T10:00:00Z',
          updatedAt: new Date('2026-11-03T10:00:00Z'),
        })
        .execute()
      const action = (title: string, dueOn: string | null, status: 'open' | 'done' = 'open') => ({
        incidentId: id,
        title,
        dueOn,
        status,
        ownerPersonId: owner,
        completedAt: status === 'done' ? new Date('2026-11-05T09:00:00Z') : null,
      })
      // 10 November is yesterday in Auckland (though today in UTC); 11 November is today there.
      await ctx.db
        .insertInto('incidentActions')
        .values([
          action('Due today', '2026-11-11'),
          action('Due yesterday', '2026-11-10'),
          action('Done late', '2026-11-04', 'done'),
          action('No date', null),
          action('Long overdue', '2026-11-02'),
        ])
        .execute()

      const body = await detail('DET-3')
      expect(body.timezone).toBe('Pacific/Auckland')
      expect(body.review).toEqual({
        rootCause: 'Expired certificate',
        contributingFactors: 'No expiry alert',
        wentWell: 'Fast rollback',
        lessons: 'Automate renewals',
        completedAt: '2026-11-03T10:00:00.000Z',
        updatedAt: '2026-11-03T10:00:00.000Z',
      })
      expect(body.actions.map((a) => [a.title, a.dueOn, a.status, a.overdue])).toEqual([
        ['Long overdue', '2026-11-02', 'open', true],
        ['Done late', '2026-11-04', 'done', false],
        ['Due yesterday', '2026-11-10', 'open', true],
        ['Due today', '2026-11-11', 'open', false],
        ['No date', null, 'open', false],
      ])
      expect(body.actions[0]).toMatchObject({ owner: { id: owner, name: 'Alan Turing' } })
      expect(body.actions[1]).toMatchObject({ completedAt: '2026-11-05T09:00:00.000Z' })
      expect(body.incident).toMatchObject({
        status: 'closed',
        closedAt: minutesAfter('2026-11-01T08:00:00Z', 100).toISOString(),
        responseTargets: { ack: { state: 'met' }, resolve: { state: 'met', minutes: 100 } },
      })
    } finally {
      await ctx.db.updateTable('organisationSettings').set({ timezone: 'Europe/London' }).execute()
    }
  })

  it('answers 404 incident_not_found for an unknown ref, 400 for one that cannot be a ref', async () => {
    const { headers } = await loginAs(ctx, 'viewer')
    const missing = await ctx.app.request('/api/v1/incidents/INC-1999-0001', { headers })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({
      error: { code: 'incident_not_found', message: 'No such incident' },
    })
    const bad = await ctx.app.request('/api/v1/incidents/-bad%20ref', { headers })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        details: [expect.objectContaining({ path: 'param.ref' })],
      },
    })
  })

  it('is readable with a read-scoped API token', async () => {
    await insertIncident(ctx.db, {
      ref: 'DET-4',
      severity: 'SEV4',
      startedAt: '2026-11-10T10:00:00Z',
    })
    const token = await createToken(ctx.db, ['read'])
    const res = await ctx.app.request('/api/v1/incidents/DET-4', { headers: token.headers })
    expect(res.status).toBe(200)
    expect(expectMatches(IncidentDetail, await res.json()).incident.ref).toBe('DET-4')
  })

  it('charges the downtime inside the incident to each affected service and its error budget', async () => {
    const svc = await insertService(ctx.db, 'det-down', null)
    await insertIncident(ctx.db, {
      ref: 'DET-DOWN',
      severity: 'SEV2',
      startedAt: '2026-11-10T10:00:00Z',
      resolveAfter: 30,
      services: [{ id: svc, impact: 'outage' }],
    })
    // One-minute checks 09:50–10:39: down 10:05–10:16 (12 inside the incident) and 10:31–10:33
    // (3 after it resolved at 10:30); up otherwise.
    const samples = Array.from({ length: 50 }, (_, i) => {
      const at = new Date(Date.parse('2026-11-10T09:50:00Z') + i * 60_000)
      const m = i - 10
      const down = (m >= 5 && m <= 16) || (m >= 31 && m <= 33)
      return {
        serviceId: svc,
        at,
        status: down ? ('down' as const) : ('up' as const),
        latencyMs: down ? null : 80,
        statusCode: down ? 503 : 200,
        error: null,
      }
    })
    await ingestSamples(ctx.db, samples)

    const body = await detail('DET-DOWN')
    // 12 down minutes of a 99.9% 30-day budget: 12 / (0.001 × 43,200) = 0.2777…
    expect(body.downtime).toEqual({
      from: '2026-11-10T10:00:00.000Z',
      to: '2026-11-10T10:30:00.000Z',
      exact: true,
      minutes: 12,
      services: [
        {
          slug: 'det-down',
          name: 'Service det-down',
          downSamples: 12,
          countedSamples: 30,
          downtimeMinutes: 12,
          budgetShare: expect.closeTo(12 / 43.2, 12) as number,
        },
      ],
    })
  })
})
