import { describe, expect, it } from 'vitest'
import { createToken, expectMatches, loginAs, useClockedApp } from '../../../test/helpers.ts'
import {
  insertIncident,
  insertPerson,
  insertService,
  insertTeam,
  minutesAfter,
} from './read-fixtures.ts'
import { IncidentList } from './schemas.ts'

// GET /api/v1/incidents over rows each test makes, its `q` (a word in their titles) keeping other
// tests' rows out. Now: Tuesday 10 November 2026 12:00Z (GMT in London). Default targets:
// SEV1 ack 5 min / resolve 240; SEV2 15 / 480; SEV3 60 / 4,320; SEV4 1,440 / 14,400.
const NOW = new Date('2026-11-10T12:00:00Z')
const ctx = useClockedApp(NOW)

async function list(query: string) {
  const { headers } = await loginAs(ctx, 'viewer')
  const res = await ctx.app.request(`/api/v1/incidents?${query}`, { headers })
  const body = await res.json()
  expect(res.status, JSON.stringify(body)).toBe(200)
  return expectMatches(IncidentList, body)
}
const refs = async (query: string) => (await list(query)).incidents.map((i) => i.ref)

describe('GET /api/v1/incidents: filters', () => {
  it('filters by status, severity, service, owner team, text and start, in any combination', async () => {
    const ops = await insertTeam(ctx.db, 'flt-ops')
    const web = await insertTeam(ctx.db, 'flt-web')
    const db = await insertService(ctx.db, 'flt-db', ops)
    const site = await insertService(ctx.db, 'flt-site', web)
    // F1 open SEV1 on db · F2 resolved SEV2 on site · F3 open SEV3 on both · F4 closed SEV2 on none
    await insertIncident(ctx.db, {
      ref: 'INC-FLT-1',
      title: 'flt: 100% of writes fail',
      severity: 'SEV1',
      startedAt: '2026-11-10T11:30:00Z',
      services: [{ id: db }],
    })
    await insertIncident(ctx.db, {
      ref: 'INC-FLT-2',
      title: 'flt: slow pages',
      severity: 'SEV2',
      startedAt: '2026-11-01T10:00:00Z',
      ackAfter: 5,
      resolveAfter: 60,
      services: [{ id: site, impact: 'degraded' }],
    })
    await insertIncident(ctx.db, {
      ref: 'INC-FLT-3',
      title: 'flt: replication lag',
      severity: 'SEV3',
      status: 'monitoring',
      startedAt: '2026-11-05T09:00:00Z',
      ackAfter: 10,
      services: [{ id: site, impact: 'degraded' }, { id: db }],
    })
    await insertIncident(ctx.db, {
      ref: 'INC-FLT-4',
      title: 'flt: certificate expired',
      severity: 'SEV2',
      status: 'closed',
      startedAt: '2026-10-20T08:00:00Z',
      ackAfter: 3,
      resolveAfter: 90,
    })

    expect(await refs('q=flt')).toEqual(['INC-FLT-1', 'INC-FLT-3', 'INC-FLT-2', 'INC-FLT-4'])
    expect(await refs('q=flt&status=all')).toEqual(await refs('q=flt'))
    expect(await refs('q=flt&status=open')).toEqual(['INC-FLT-1', 'INC-FLT-3'])
    expect(await refs('q=flt&status=ended')).toEqual(['INC-FLT-2', 'INC-FLT-4'])
    expect(await refs('q=flt&severity=SEV2')).toEqual(['INC-FLT-2', 'INC-FLT-4'])
    expect(await refs('q=flt&severity=SEV1&severity=SEV3')).toEqual(['INC-FLT-1', 'INC-FLT-3'])
    expect(await refs('q=flt&severity=SEV1,SEV2&status=ended')).toEqual(['INC-FLT-2', 'INC-FLT-4'])
    expect(await refs('q=flt&service=flt-site')).toEqual(['INC-FLT-3', 'INC-FLT-2'])
    expect(await refs('q=flt&service=flt-db&service=flt-site&status=open')).toEqual([
      'INC-FLT-1',
      'INC-FLT-3',
    ])
    expect(await refs('q=flt&service=flt-db&status=ended')).toEqual([])
    expect(await refs('q=flt&team=flt-web')).toEqual(['INC-FLT-3', 'INC-FLT-2'])
    expect(await refs('q=flt&team=flt-ops&severity=SEV3')).toEqual(['INC-FLT-3'])
    // Service and team each narrow on their own: F3 touches flt-db and a service flt-web owns.
    expect(await refs('q=flt&team=flt-web&service=flt-db')).toEqual(['INC-FLT-3'])
    expect(await refs('q=flt&team=flt-ops&service=flt-site&severity=SEV2')).toEqual([])
    // A day `to` is the whole day; an instant `to` is exclusive, an instant `from` inclusive.
    expect(await refs('q=flt&from=2026-11-01&to=2026-11-04')).toEqual(['INC-FLT-2'])
    expect(await refs('q=flt&from=2026-11-01&to=2026-11-05')).toEqual(['INC-FLT-3', 'INC-FLT-2'])
    expect(await refs('q=flt&to=2026-11-01T10:00:00Z')).toEqual(['INC-FLT-4'])
    expect(await refs('q=flt&from=2026-11-01T10:00:00Z&status=ended')).toEqual(['INC-FLT-2'])
  })

  it('searches title and ref in any case, with % and _ as literal characters', async () => {
    await insertIncident(ctx.db, {
      ref: 'INC-SRCH-1',
      title: 'srch: 100% packet loss',
      severity: 'SEV2',
      startedAt: '2026-11-09T10:00:00Z',
    })
    await insertIncident(ctx.db, {
      ref: 'INC-SRCH-2',
      title: 'srch: 1000 errors a minute',
      severity: 'SEV3',
      startedAt: '2026-11-09T11:00:00Z',
    })
    expect(await refs('q=SRCH')).toEqual(['INC-SRCH-1', 'INC-SRCH-2'])
    expect(await refs('q=inc-srch-2')).toEqual(['INC-SRCH-2'])
    expect(await refs(`q=${encodeURIComponent('srch: 100%')}`)).toEqual(['INC-SRCH-1'])
    expect(await refs('q=srch%3A%201_0')).toEqual([])
  })
})

describe('GET /api/v1/incidents: order and pages', () => {
  it('lists open incidents first, then by severity, then newest, ties by the later-made', async () => {
    const at = '2026-11-08T09:00:00Z'
    const s = (ref: string, severity: 'SEV1' | 'SEV2' | 'SEV4', startedAt: string, end?: number) =>
      insertIncident(ctx.db, { ref, title: `ord ${ref}`, severity, startedAt, resolveAfter: end })
    await s('ORD-A', 'SEV1', '2026-11-10T11:00:00Z', 30) // ended: after every open one
    await s('ORD-B', 'SEV4', '2026-11-10T10:00:00Z')
    await s('ORD-C', 'SEV2', '2026-11-01T09:00:00Z')
    await s('ORD-D', 'SEV2', at)
    await s('ORD-E', 'SEV2', at) // same start as D, made later
    await s('ORD-F', 'SEV4', '2026-11-02T10:00:00Z', 600)
    expect(await refs('q=ord')).toEqual(['ORD-E', 'ORD-D', 'ORD-C', 'ORD-B', 'ORD-A', 'ORD-F'])
  })

  it('pages by 3 with a cursor: every incident once, in order, nextCursor null at the end', async () => {
    // Seven incidents: a page ends between two starts that differ only in microseconds (PG-2,
    // PG-1), and another between two with the same start (PG-5, PG-4: the later-made first).
    const specs: ['SEV1' | 'SEV2' | 'SEV3', string, number | undefined][] = [
      ['SEV2', '2026-11-03T10:00:00.000100Z', undefined],
      ['SEV2', '2026-11-03T10:00:00.000900Z', undefined],
      ['SEV2', '2026-11-04T10:00:00Z', undefined],
      ['SEV1', '2026-11-05T10:00:00Z', 30],
      ['SEV1', '2026-11-05T10:00:00Z', 30],
      ['SEV3', '2026-11-06T10:00:00Z', undefined],
      ['SEV1', '2026-11-02T10:00:00Z', undefined],
    ]
    for (const [i, [severity, startedAt, resolveAfter]] of specs.entries()) {
      const ref = `PG-${i + 1}`
      await insertIncident(ctx.db, { ref, title: `pg ${ref}`, severity, startedAt, resolveAfter })
    }
    const all = ['PG-7', 'PG-3', 'PG-2', 'PG-1', 'PG-6', 'PG-5', 'PG-4']
    expect(await refs('q=pg&limit=100')).toEqual(all)

    const pages: string[][] = []
    let cursor: string | null = null
    do {
      const page = await list(`q=pg&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      pages.push(page.incidents.map((i) => i.ref))
      cursor = page.nextCursor
    } while (cursor !== null && pages.length < 10)
    expect(pages).toEqual([['PG-7', 'PG-3', 'PG-2'], ['PG-1', 'PG-6', 'PG-5'], ['PG-4']])
    expect(pages.flat()).toEqual(all)
    // A page that ends exactly at the last incident says there is no next one.
    expect((await list('q=pg&status=open&limit=5')).nextCursor).toBeNull()
    expect((await list('q=pg&status=open&limit=4')).nextCursor).not.toBeNull()
  })
})

describe('GET /api/v1/incidents: each incident', () => {
  it('gives commander, services and the state of its targets at the clock', async () => {
    const team = await insertTeam(ctx.db, 'tgt-team')
    const svc = await insertService(ctx.db, 'tgt-api', team)
    const other = await insertService(ctx.db, 'tgt-cache', team)
    const ada = await insertPerson(ctx.db, team, 'Ada Lovelace')
    // T1 SEV1 open 10 min, not acknowledged: ack breached (5 min past), resolve 230 min left.
    await insertIncident(ctx.db, {
      ref: 'TGT-1',
      title: 'tgt one',
      severity: 'SEV1',
      startedAt: minutesAfter(NOW, -10).toISOString(),
      commanderPersonId: ada,
      services: [{ id: other, impact: 'degraded' }, { id: svc }],
    })
    // T2 SEV2 open 10 min: ack pending with 5 min left.
    await insertIncident(ctx.db, {
      ref: 'TGT-2',
      title: 'tgt two',
      severity: 'SEV2',
      startedAt: minutesAfter(NOW, -10).toISOString(),
    })
    // T3 SEV3 acknowledged after 30 min (target 60: met), resolved after 5,000 (4,320: breached).
    await insertIncident(ctx.db, {
      ref: 'TGT-3',
      title: 'tgt three',
      severity: 'SEV3',
      startedAt: '2026-11-01T00:00:00Z',
      ackAfter: 30,
      resolveAfter: 5000,
    })
    const [t1, t2, t3] = (await list('q=tgt')).incidents
    expect(t1).toMatchObject({
      ref: 'TGT-1',
      status: 'triggered',
      durationMinutes: 10,
      commander: { id: ada, name: 'Ada Lovelace' },
      // Outages first, then by name.
      services: [
        { slug: 'tgt-api', name: 'Service tgt-api', impact: 'outage' },
        { slug: 'tgt-cache', name: 'Service tgt-cache', impact: 'degraded' },
      ],
      responseTargets: {
        ack: { state: 'breached', minutes: 10, targetMinutes: 5, leftMinutes: -5 },
        resolve: {
          state: 'pending',
          targetMinutes: 240,
          leftMinutes: 230,
          dueAt: '2026-11-10T15:50:00.000Z',
        },
      },
    })
    expect(t2).toMatchObject({
      ref: 'TGT-2',
      commander: null,
      services: [],
      responseTargets: { ack: { state: 'pending', leftMinutes: 5 }, resolve: { state: 'pending' } },
    })
    expect(t3).toMatchObject({
      ref: 'TGT-3',
      durationMinutes: 5000,
      acknowledgedAt: '2026-11-01T00:30:00.000Z',
      resolvedAt: minutesAfter('2026-11-01T00:00:00Z', 5000).toISOString(),
      responseTargets: {
        ack: { state: 'met', minutes: 30, leftMinutes: null },
        resolve: { state: 'breached', minutes: 5000, targetMinutes: 4320, leftMinutes: null },
      },
    })

    // Ten minutes later T2 has missed its acknowledgement too.
    ctx.clock.now = minutesAfter(NOW, 10)
    const later = (await list('q=tgt%20two')).incidents[0]
    expect(later?.responseTargets?.ack).toMatchObject({ state: 'breached', leftMinutes: -5 })
    expect(later?.durationMinutes).toBe(20)
  })

  it('is readable with a read-scoped API token', async () => {
    const token = await createToken(ctx.db, ['read'])
    const res = await ctx.app.request('/api/v1/incidents?limit=1', { headers: token.headers })
    expect(res.status).toBe(200)
    expectMatches(IncidentList, await res.json())
  })
})

describe('GET /api/v1/incidents: refusals', () => {
  it('refuses an invalid query with 400, naming the parameter', async () => {
    const { headers } = await loginAs(ctx, 'viewer')
    const cases = [
      'status=closed',
      'severity=SEV5',
      'severity=SEV1&severity=',
      'service=Not%20a%20slug',
      'team=',
      'limit=0',
      'limit=101',
      'limit=1e2',
      'cursor=not-a-cursor',
      `cursor=${Buffer.from('[true,"SEV1","2026-11-01",1]').toString('base64url')}`,
      'from=yesterday',
      'to=2026-13-01',
      `q=${'x'.repeat(101)}`,
    ]
    for (const query of cases) {
      const res = await ctx.app.request(`/api/v1/incidents?${query}`, { headers })
      const body = await res.json()
      expect(res.status, query).toBe(400)
      const field = query.split('=')[0]
      expect(body, query).toMatchObject({
        error: {
          code: 'validation_failed',
          details: [expect.objectContaining({ path: expect.stringContaining(`query.${field}`) })],
        },
      })
    }
  })

  it('refuses a start range that ends before it begins', async () => {
    const { headers } = await loginAs(ctx, 'viewer')
    const res = await ctx.app.request('/api/v1/incidents?from=2026-11-05&to=2026-11-04', {
      headers,
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_range' } })
  })
})
