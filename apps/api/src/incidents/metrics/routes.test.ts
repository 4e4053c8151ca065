import type { Severity } from '@opsdeck/contract'
import { ingestSamples, type IngestSample } from '@opsdeck/db'
import { beforeAll, describe, expect, it } from 'vitest'
import { createToken, expectMatches, loginAs, useClockedApp } from '../../../test/helpers.ts'
import { errorEnvelope } from '../../lib/openapi.ts'
import { IncidentMetrics } from './schemas.ts'

// The worked example. Now: Tuesday 10 November 2026 12:00Z; the organisation is in Europe/London
// (BST until 25 October, then GMT); raw samples are kept 30 days, so windows starting before
// 12 October 12:00Z are read from whole hours. Default targets: SEV1 ack 5 / resolve 240 min,
// SEV2 15 / 480, SEV3 60 / 4,320, SEV4 1,440 / 14,400.
// Teams ops (api, db) and web (site); lone has no owner.
//   api: checked every minute, SLO 99.9% / 30 days: budget 0.001 × 43,200 = 43.2 min.
//   db: every 5 minutes, SLO 99% / 7 days: 0.01 × 10,080 = 100.8 min.
//   site: SLO 99.9%, no samples. lone: SLO 95% / 30 days: 0.05 × 43,200 = 2,160 min.
// Incidents (minutes after the start: detected d, acknowledged a, resolved r):
//   P0 SEV3 site 28 Sep 12:00Z, a 10, r 60: before the range.
//   I1 SEV1 api 30 Sep 23:30Z (1 Oct 00:30 in London), d 2, a 4, r 120.
//   I2 SEV2 api + db 20 Oct 10:00Z, d 5, a 20, r 60.
//   I3 SEV2 site 25 Oct 09:00Z, a 10, r 300.
//   I4 SEV3 lone 2 Nov 08:00Z, d 1, a 30, r 90.
//   I5 SEV1 api 10 Nov 11:00Z, a 3, still open.
//   I6 SEV4 no service 5 Nov 12:00Z, nothing yet.
// Range 2026-10-01 to 2026-11-10 (London days): [30 Sep 23:00Z, 11 Nov 00:00Z), I1–I6.
const NOW = new Date('2026-11-10T12:00:00Z')
const RANGE = 'from=2026-10-01&to=2026-11-10'
const MIN = 60_000
const after = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * MIN)

const ctx = useClockedApp(NOW)
let viewer: Record<string, string>

async function get(query: string) {
  const res = await ctx.app.request(`/api/v1/incidents/metrics?${query}`, { headers: viewer })
  const body: unknown = await res.json()
  expect(res.status, JSON.stringify(body)).toBe(200)
  return expectMatches(IncidentMetrics, body)
}

const duration = (mean: number, median: number, p90: number, count: number) => ({
  mean: expect.closeTo(mean, 9) as number,
  median: expect.closeTo(median, 9) as number,
  p90: expect.closeTo(p90, 9) as number,
  count,
})
const NONE = { mean: null, median: null, p90: null, count: 0 }

beforeAll(async () => {
  const db = ctx.db
  viewer = (await loginAs(ctx, 'viewer')).headers
  const teams = await db
    .insertInto('teams')
    .values([
      { slug: 'ops', name: 'Operations' },
      { slug: 'web', name: 'Web' },
    ])
    .returning('id')
    .execute()
  const [ops, web] = teams.map((t) => t.id) as [number, number]
  const rows = await db
    .insertInto('services')
    .values([
      { slug: 'api', name: 'API', tier: 1, sloTarget: 0.999, ownerTeamId: ops },
      {
        slug: 'db',
        name: 'Database',
        tier: 1,
        sloTarget: 0.99,
        sloWindowDays: 7,
        checkIntervalSeconds: 300,
        ownerTeamId: ops,
      },
      { slug: 'site', name: 'Site', tier: 2, sloTarget: 0.999, ownerTeamId: web },
      { slug: 'lone', name: 'Lone', tier: 3, sloTarget: 0.95, ownerTeamId: null },
    ])
    .returning('id')
    .execute()
  const [api, dbs, site, lone] = rows.map((r) => r.id) as [number, number, number, number]

  const samples: IngestSample[] = []
  const add = (
    serviceId: number,
    start: string,
    count: number,
    status: 'up' | 'down',
    step = 1,
  ) => {
    for (let i = 0; i < count; i++) {
      const latencyMs = status === 'down' ? null : 100
      samples.push({
        serviceId,
        at: after(start, i * step),
        status,
        latencyMs,
        statusCode: null,
        error: null,
      })
    }
  }
  // api: 5 down in I1 (read from whole hours), 1 down before I2, 10 down then 50 up in I2,
  // 5 down then 55 up in I5 up to now. db: 3 down (× 5 min) in I2. lone: 3 down in I4.
  add(api, '2026-09-30T23:40Z', 5, 'down')
  add(api, '2026-10-20T09:50Z', 1, 'down')
  add(api, '2026-10-20T10:00Z', 10, 'down')
  add(api, '2026-10-20T10:10Z', 50, 'up')
  add(api, '2026-11-10T11:00Z', 5, 'down')
  add(api, '2026-11-10T11:05Z', 55, 'up')
  add(dbs, '2026-10-20T10:00Z', 3, 'down', 5)
  add(dbs, '2026-10-20T10:15Z', 9, 'up', 5)
  add(lone, '2026-11-02T08:00Z', 3, 'down')
  await ingestSamples(db, samples)

  const incident = async (
    ref: string,
    severity: Severity,
    startedAt: string,
    on: number[],
    m: { d?: number; a?: number; r?: number } = {},
  ) => {
    const at = (minutes: number | undefined) =>
      minutes === undefined ? null : after(startedAt, minutes)
    const status = m.r !== undefined ? 'resolved' : m.a !== undefined ? 'acknowledged' : 'triggered'
    const row = await db
      .insertInto('incidents')
      .values({
        ref,
        title: `Incident ${ref}`,
        severity,
        status,
        startedAt,
        detectedAt: at(m.d),
        acknowledgedAt: at(m.a),
        resolvedAt: at(m.r),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (on.length > 0) {
      await db
        .insertInto('incidentServices')
        .values(on.map((serviceId) => ({ incidentId: row.id, serviceId })))
        .execute()
    }
    return row.id
  }
  const p0 = await incident('INC-P0', 'SEV3', '2026-09-28T12:00Z', [site], { a: 10, r: 60 })
  await incident('INC-I1', 'SEV1', '2026-09-30T23:30Z', [api], { d: 2, a: 4, r: 120 })
  const i2 = await incident('INC-I2', 'SEV2', '2026-10-20T10:00Z', [api, dbs], {
    d: 5,
    a: 20,
    r: 60,
  })
  const i3 = await incident('INC-I3', 'SEV2', '2026-10-25T09:00Z', [site], { a: 10, r: 300 })
  await incident('INC-I4', 'SEV3', '2026-11-02T08:00Z', [lone], { d: 1, a: 30, r: 90 })
  await incident('INC-I5', 'SEV1', '2026-11-10T11:00Z', [api], { a: 3 })
  await incident('INC-I6', 'SEV4', '2026-11-05T12:00Z', [])

  // Follow-ups. I2: open due yesterday (overdue), open due today (not yet), done and past due.
  // I3: open without a due day. P0: open and overdue, but outside the range.
  await db
    .insertInto('incidentActions')
    .values([
      { incidentId: i2, title: 'Alert on lag', dueOn: '2026-11-09' },
      { incidentId: i2, title: 'Runbook', dueOn: '2026-11-10' },
      { incidentId: i2, title: 'Fix retry', dueOn: '2026-11-01', status: 'done', completedAt: NOW },
      { incidentId: i3, title: 'Write it up', dueOn: null },
      { incidentId: p0, title: 'Old action', dueOn: '2026-10-01' },
    ])
    .execute()
})

describe('GET /api/v1/incidents/metrics: the worked example', () => {
  it('counts the incidents that started in the range by severity, month, service and team', async () => {
    const m = await get(RANGE)
    expect(m.range).toEqual({ from: '2026-09-30T23:00:00.000Z', to: '2026-11-11T00:00:00.000Z' })
    expect(m.timezone).toBe('Europe/London')
    expect(m.incidents).toBe(6)
    expect(m.bySeverity).toEqual({ SEV1: 2, SEV2: 2, SEV3: 1, SEV4: 1 })
    // I1 started on 30 September in UTC but 1 October in London: an October incident.
    expect(m.byMonth.map((x) => [x.month, x.incidents])).toEqual([
      ['2026-10', 3],
      ['2026-11', 3],
    ])
    expect(m.byMonth.map((x) => x.bySeverity.SEV1.incidents)).toEqual([1, 1])
    expect(m.byMonth.map((x) => x.bySeverity.SEV2.incidents)).toEqual([2, 0])
    // api: I1, I2, I5; I2 also on db. ops owns both: I2 counts once for it (I1, I2, I5 = 3).
    // lone has no team; I6 has no service.
    expect(m.byService.map((s) => [s.slug, s.incidents, s.team?.slug ?? null])).toEqual([
      ['api', 3, 'ops'],
      ['db', 1, 'ops'],
      ['lone', 1, null],
      ['site', 1, 'web'],
    ])
    expect(m.byTeam).toEqual([
      { slug: 'ops', name: 'Operations', incidents: 3 },
      { slug: 'web', name: 'Web', incidents: 1 },
    ])
  })

  it('gives MTTA, MTTR and MTTD as mean, median and p90, overall and per month and severity', async () => {
    const m = await get(RANGE)
    // Acknowledged after 4, 20, 10, 30, 3 → [3, 4, 10, 20, 30]: mean 67 / 5 = 13.4; median the
    // 3rd = 10; p90 at h = 4 × 0.9 = 3.6: 20 + 0.6 × (30 − 20) = 26. I6 is not acknowledged.
    expect(m.mtta).toEqual(duration(13.4, 10, 26, 5))
    // Resolved after 120, 60, 300, 90 → [60, 90, 120, 300]: mean 570 / 4 = 142.5; median at
    // h = 1.5: 90 + 0.5 × 30 = 105; p90 at h = 2.7: 120 + 0.7 × 180 = 246. I5, I6 are open.
    expect(m.mttr).toEqual(duration(142.5, 105, 246, 4))
    // Detected after 2, 5, 1 → [1, 2, 5]: mean 8 / 3; median 2; p90 at h = 1.8: 2 + 0.8 × 3 = 4.4.
    expect(m.mttd).toEqual(duration(8 / 3, 2, 4.4, 3))

    const [october, november] = m.byMonth
    // October: I1, I2, I3. MTTA [4, 10, 20]: mean 34 / 3, median 10, p90 h = 1.8: 10 + 0.8 × 10
    // = 18. MTTR [60, 120, 300]: mean 160, median 120, p90 120 + 0.8 × 180 = 264.
    expect(october).toMatchObject({
      month: '2026-10',
      mtta: duration(34 / 3, 10, 18, 3),
      mttr: duration(160, 120, 264, 3),
    })
    // October's SEV2 (I2, I3): MTTA [10, 20] mean = median 15, p90 h = 0.9: 10 + 0.9 × 10 = 19;
    // MTTR [60, 300]: 180, 180, 60 + 0.9 × 240 = 276. No SEV3 then.
    expect(october?.bySeverity.SEV2).toEqual({
      incidents: 2,
      mtta: duration(15, 15, 19, 2),
      mttr: duration(180, 180, 276, 2),
    })
    expect(october?.bySeverity.SEV3).toEqual({ incidents: 0, mtta: NONE, mttr: NONE })
    // November: I4, I5, I6. MTTA [3, 30]: mean = median 16.5, p90 3 + 0.9 × 27 = 27.3. MTTR: I4's 90.
    expect(november).toMatchObject({
      month: '2026-11',
      mtta: duration(16.5, 16.5, 27.3, 2),
      mttr: duration(90, 90, 90, 1),
    })
  })

  it('gives the SLA breach rate over the incidents whose outcome is known, as of now', async () => {
    const m = await get(RANGE)
    // Breached: I2 (acknowledged after 20 > 15) and I6 (SEV4 not acknowledged after 5 days >
    // 1,440 min). Met both: I1, I3, I4. Pending: I5 (acknowledged in 3; 60 of its 240 min).
    expect(m.sla).toEqual({ breachRate: 0.4, breached: 2, met: 3, pending: 1 })
    // October: I2 of I1, I2, I3 = 1 / 3. November: I6 of I4, I6 (I5 pending) = 1 / 2.
    expect(m.byMonth[0]?.slaBreachRate).toBeCloseTo(1 / 3, 12)
    expect(m.byMonth[1]?.slaBreachRate).toBe(0.5)
  })

  it('counts open and overdue follow-ups of these incidents', async () => {
    // Open: I2's two and I3's one; overdue: only the one due yesterday (P0's is not in range).
    expect((await get(RANGE)).followUps).toEqual({ open: 3, overdue: 1 })
  })

  it('finds repeats, looking back before the range at incidents of any severity', async () => {
    const m = await get(RANGE)
    // I2: api's previous is I1, 19 d 10.5 h before. I3: site's is P0 (SEV3, before the range),
    // 26 d 21 h before. I5: api's is I2, 21 d 1 h before. I1 and I4 are each their service's
    // first; I6 has no service. 3 / 6 = 0.5.
    expect(m.repeats).toMatchObject({ windowDays: 30, count: 3, share: 0.5 })
    expect(m.repeats.incidents.map((r) => [r.ref, r.services])).toEqual([
      ['INC-I2', ['api', 'db']],
      ['INC-I3', ['site']],
      ['INC-I5', ['api']],
    ])
  })

  it('gives each incident’s downtime from the rollups, summed per service, and MTBF per service', async () => {
    const m = await get(RANGE)
    // I2: api's 10 down checks in 10:00–11:00 (not 09:50) + db's 3 × 5 min = 25. I1: api's 5,
    // read from whole hours (older than the raw samples kept). I5: api's 5 up to now. I4:
    // lone's 3. I3: site has no samples, 0. Most first; I1 and I5 tie and go oldest first.
    expect(m.downtime.incidents.map((d) => [d.ref, d.downtimeMinutes, d.exact])).toEqual([
      ['INC-I2', 25, true],
      ['INC-I1', 5, false],
      ['INC-I5', 5, true],
      ['INC-I4', 3, true],
      ['INC-I3', 0, true],
    ])
    expect(m.downtime.minutes).toBe(38)
    expect(m.downtime.incidents[0]?.services).toEqual([
      { slug: 'api', name: 'API', downtimeMinutes: 10, budgetShare: expect.closeTo(10 / 43.2, 12) },
      {
        slug: 'db',
        name: 'Database',
        downtimeMinutes: 15,
        budgetShare: expect.closeTo(15 / 100.8, 12),
      },
    ])
    // Per service: api 5 + 10 + 5 = 20 of 43.2; db 15 of 100.8; lone 3 of 2,160; site 0.
    // MTBF: the range up to now is 30 Sep 23:00Z → 10 Nov 12:00Z = 40 d 13 h = 58,380 min.
    // api (58,380 − 20) / 3; db (58,380 − 15) / 1; lone (58,380 − 3) / 1; site 58,380 / 1.
    const service = (slug: string) => m.byService.find((s) => s.slug === slug)
    expect(service('api')).toMatchObject({ downtimeMinutes: 20 })
    expect(service('api')?.budgetShare).toBeCloseTo(20 / 43.2, 12)
    expect(service('api')?.mtbfMinutes).toBeCloseTo(58_360 / 3, 9)
    expect(service('db')).toMatchObject({ downtimeMinutes: 15, mtbfMinutes: 58_365 })
    expect(service('db')?.budgetShare).toBeCloseTo(15 / 100.8, 12)
    expect(service('lone')).toMatchObject({ downtimeMinutes: 3, mtbfMinutes: 58_377 })
    expect(service('lone')?.budgetShare).toBeCloseTo(3 / 2160, 12)
    expect(service('site')).toMatchObject({
      downtimeMinutes: 0,
      budgetShare: 0,
      mtbfMinutes: 58_380,
    })
  })

  it('defaults to the last 30 days', async () => {
    const m = await get('')
    // [11 Oct 12:00Z, now): I2–I6.
    expect(m.range).toEqual({ from: '2026-10-11T12:00:00.000Z', to: NOW.toISOString() })
    expect(m.incidents).toBe(5)
    expect(m.filters).toEqual({ severity: null, service: null, team: null })
  })
})

describe('GET /api/v1/incidents/metrics: filters and empty ranges', () => {
  it('narrows every figure to the severities, services and teams asked for', async () => {
    const sev2 = await get(`${RANGE}&severity=SEV2`)
    expect(sev2.filters.severity).toEqual(['SEV2'])
    expect(sev2.incidents).toBe(2)
    expect(sev2.bySeverity).toEqual({ SEV1: 0, SEV2: 2, SEV3: 0, SEV4: 0 })
    expect(sev2.byService.map((s) => [s.slug, s.incidents, s.downtimeMinutes])).toEqual([
      ['api', 1, 10],
      ['db', 1, 15],
      ['site', 1, 0],
    ])
    // MTBF's downtime stays the service's own (20 min on api), its failures the SEV2 ones.
    expect(sev2.byService[0]?.mtbfMinutes).toBe(58_360)
    expect(sev2.mttr).toEqual(duration(180, 180, 276, 2))
    expect(sev2.repeats).toMatchObject({ count: 2, share: 1 })
    expect(sev2.sla).toEqual({ breachRate: 0.5, breached: 1, met: 1, pending: 0 })
    expect(sev2.followUps).toEqual({ open: 3, overdue: 1 })
    expect(sev2.downtime.minutes).toBe(25)

    // On api: I1, I2, I5. Only api is listed, though I2 was also on db.
    const api = await get(`${RANGE}&service=api`)
    expect(api.incidents).toBe(3)
    expect(api.byService.map((s) => s.slug)).toEqual(['api'])
    expect(api.byTeam).toEqual([{ slug: 'ops', name: 'Operations', incidents: 3 }])
    expect(api.followUps).toEqual({ open: 2, overdue: 1 })

    const web = await get(`${RANGE}&team=web`)
    expect(web.incidents).toBe(1)
    expect(web.byService.map((s) => [s.slug, s.incidents])).toEqual([['site', 1]])
    expect(web.byTeam.map((t) => t.slug)).toEqual(['web'])

    // Repeatable or comma-separated, and combined: SEV1 or SEV3 on a service ops owns: I1, I5.
    const both = await get(`${RANGE}&severity=SEV1,SEV3&team=ops`)
    expect(both.incidents).toBe(2)
    expect(both.byMonth.map((x) => x.incidents)).toEqual([1, 1])
    expect((await get(`${RANGE}&severity=SEV1&severity=SEV3&team=ops`)).incidents).toBe(2)
    expect((await get(`${RANGE}&service=nothing-here`)).incidents).toBe(0)
  })

  it('answers a range without incidents with zeros and nulls', async () => {
    const m = await get('from=2026-06-01&to=2026-07-31')
    expect(m).toMatchObject({
      incidents: 0,
      bySeverity: { SEV1: 0, SEV2: 0, SEV3: 0, SEV4: 0 },
      byService: [],
      byTeam: [],
      mtta: NONE,
      mttr: NONE,
      mttd: NONE,
      sla: { breachRate: null, breached: 0, met: 0, pending: 0 },
      followUps: { open: 0, overdue: 0 },
      repeats: { count: 0, share: null, incidents: [] },
      downtime: { minutes: 0, incidents: [] },
    })
    const empty = { incidents: 0, mtta: NONE, mttr: NONE }
    expect(m.byMonth).toEqual(
      ['2026-06', '2026-07'].map((month) => ({
        month,
        ...empty,
        slaBreachRate: null,
        bySeverity: { SEV1: empty, SEV2: empty, SEV3: empty, SEV4: empty },
      })),
    )
  })
})

describe('GET /api/v1/incidents/metrics: access and bad input', () => {
  const refused = async (query: string) => {
    const res = await ctx.app.request(`/api/v1/incidents/metrics?${query}`, { headers: viewer })
    expect(res.status).toBe(400)
    return expectMatches(errorEnvelope(['validation_failed', 'invalid_range']), await res.json())
  }

  it('refuses a bad range or filter, naming the field', async () => {
    expect((await refused('from=2026-11-10&to=2026-11-01')).error).toMatchObject({
      code: 'invalid_range',
      details: [{ path: 'query.from' }],
    })
    expect((await refused('from=2025-01-01&to=2026-11-01')).error.code).toBe('invalid_range')
    const paths = async (q: string) => (await refused(q)).error.details?.map((d) => d.path)
    expect(await paths('from=yesterday')).toEqual(['query.from'])
    expect(await paths('severity=SEV9')).toEqual(['query.severity.0'])
    expect(await paths('service=Not%20a%20slug')).toEqual(['query.service.0'])
    expect(await paths('team=')).toEqual(['query.team.0'])
  })

  it('answers readers and refuses the anonymous', async () => {
    const anonymous = await ctx.app.request(`/api/v1/incidents/metrics?${RANGE}`)
    expect(anonymous.status).toBe(401)
    const token = await createToken(ctx.db, ['read'])
    const res = await ctx.app.request(`/api/v1/incidents/metrics?${RANGE}`, {
      headers: token.headers,
    })
    expect(res.status).toBe(200)
    expect(expectMatches(IncidentMetrics, await res.json()).incidents).toBe(6)
  })
})
