import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAs, setupApp } from '../../test/helpers.ts'

// A worked example. Range: 1–31 October 2026 in Europe/London = [2026-09-30T23:00Z, 2026-11-01T00:00Z)
// (BST ends on 25 October), 745 hours. Now: Wednesday 2026-11-04 12:00Z, so this week is 2 Nov.
const NOW = new Date('2026-11-04T12:00:00Z')
const QUERY = '/api/v1/overview?from=2026-10-01&to=2026-10-31'

let ctx: Awaited<ReturnType<typeof setupApp>>
let viewer: Record<string, string>

beforeAll(async () => {
  ctx = await setupApp(NOW)
  await seedExample(ctx.db)
  viewer = (await loginAs(ctx, 'viewer')).headers
})
afterAll(() => ctx.drop())

async function getOverview(query = QUERY) {
  const res = await ctx.app.request(query, { headers: viewer })
  return { status: res.status, body: (await res.json()) as any }
}

describe('GET /api/v1/overview', () => {
  it('has exactly the four areas', async () => {
    const { status, body } = await getOverview()
    expect(status).toBe(200)
    expect(Object.keys(body).sort()).toEqual(['budgets', 'capacity', 'incidents', 'services'])
  })

  it('counts services by current status, treating stale samples as unknown', async () => {
    const { body } = await getOverview()
    expect(body.services.total).toBe(3)
    expect(body.services.byStatus).toEqual({
      up: 0,
      degraded: 0,
      down: 1,
      maintenance: 1,
      unknown: 1,
    })
  })

  it('computes uptime per tier from the rollups inside the range only', async () => {
    const { body } = await getOverview()
    const [tier1, tier2] = body.services.byTier
    // Tier 1: A up 50 + degraded 5, down 5; B up 60 → (110 + 5) / 120. 30 September is outside.
    expect(tier1.uptime).toBeCloseTo(115 / 120, 10)
    expect(tier1.coverage).toBeCloseTo(120 / (2 * 745 * 60), 10)
    expect(tier1).toMatchObject({ tier: 1, services: 2, meetingSlo: 1, breachingSlo: 1, noData: 0 })
    expect(tier1.sloTargetMin).toBe(0.999)
    expect(tier1.sloTargetMax).toBe(0.9995)
    expect(tier2).toMatchObject({ tier: 2, services: 1, uptime: null, noData: 1 })
  })

  it('reads a range within a day from the hourly rollup', async () => {
    const { body } = await getOverview(
      '/api/v1/overview?from=2026-10-10T10:30:00Z&to=2026-10-10T12:00:00Z',
    )
    // The hour from 10:00 is included whole: rollups resolve to hours.
    expect(body.services.byTier[0]).toMatchObject({
      uptime: 55 / 60,
      meetingSlo: 0,
      breachingSlo: 1,
      noData: 1,
    })
  })

  it('gives open incidents now and MTTA/MTTR over incidents started in the range', async () => {
    const { body } = await getOverview()
    expect(body.incidents.open).toEqual({ SEV1: 0, SEV2: 1, SEV3: 0, SEV4: 1, total: 2 })
    expect(body.incidents.startedInRange).toBe(3)
    expect(body.incidents.mtta).toMatchObject({ mean: 20, count: 3 }) // (10 + 30 + 20) / 3
    // Resolved: 120 and 300 minutes → mean 210, median 210, p90 120 + 0.9 × 180 = 282.
    expect(body.incidents.mttr).toMatchObject({ mean: 210, median: 210, p90: 282, count: 2 })
  })

  it('sums the live portfolio with EVM forecasts and RAG as of the last day', async () => {
    const { body } = await getOverview()
    // P1: BAC £100k, PV £100k, AC £125k, 80% → EV £80k, CPI 0.64 → EAC £156,250 (red).
    // P2: BAC £20k, PV £20k, AC £19k, 100% → CPI 1.0526, EAC £19k (green).
    expect(body.budgets).toMatchObject({
      asOf: '2026-10-31',
      currency: 'GBP',
      projects: 2,
      bac: 12_000_000,
      ac: 14_400_000,
      eac: 17_525_000,
      vac: -5_525_000,
      rag: { red: 1, amber: 0, green: 1, grey: 0 },
    })
  })

  it('gives this week’s capacity per team net of bank holidays and time off', async () => {
    const { body } = await getOverview()
    expect(body.capacity.week).toBe('2026-11-02')
    // X: 37.5 h − 2 days × 7.5 h = 22.5 h, allocated 45 h (over). Y: 30 h − 1 day × 6 h = 24 h, 15 h.
    expect(body.capacity.teams).toEqual([
      {
        teamId: expect.any(Number),
        name: 'Infrastructure',
        people: 2,
        contractedHours: 67.5,
        effectiveHours: 46.5,
        allocatedHours: 60,
        overAllocatedPeople: 1,
        utilization: expect.closeTo(60 / 46.5, 10),
      },
    ])
  })

  it('defaults to the last 30 days', async () => {
    const { status, body } = await getOverview('/api/v1/overview')
    expect(status).toBe(200)
    expect(body.services.to).toBe(NOW.toISOString())
    expect(body.services.from).toBe('2026-10-05T12:00:00.000Z')
  })

  it('rejects a bad range with the error envelope naming the field', async () => {
    const bad = await getOverview('/api/v1/overview?from=yesterday')
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('validation_failed')
    expect(bad.body.error.details[0].path).toBe('query.from')
    const reversed = await getOverview('/api/v1/overview?from=2026-10-31&to=2026-10-01')
    expect(reversed.status).toBe(400)
    expect(reversed.body.error).toMatchObject({ code: 'invalid_range' })
    const tooLong = await getOverview('/api/v1/overview?from=2024-01-01&to=2026-10-01')
    expect(tooLong.status).toBe(400)
  })
})

async function seedExample(db: Kysely<Database>) {
  await sql`SELECT ensure_check_sample_partitions('2026-11-03', '2026-11-05')`.execute(db)
  const team = await db
    .insertInto('teams')
    .values({ slug: 'infra', name: 'Infrastructure' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const svc = (slug: string, tier: number, sloTarget: number) =>
    db
      .insertInto('services')
      .values({ slug, name: slug, tier, sloTarget, ownerTeamId: team.id })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id)
  const a = await svc('a', 1, 0.999)
  const b = await svc('b', 1, 0.9995)
  const c = await svc('c', 2, 0.99)
  // Whole days come from the daily rollup, partial days from the hourly one. The hourly rows
  // here sum to the daily ones, as they do in a real database.
  await db
    .insertInto('checkRollupDaily')
    .values([
      { serviceId: a, bucketStart: '2026-10-09T23:00Z', samples: 60, up: 50, degraded: 5, down: 5 },
      { serviceId: a, bucketStart: '2026-09-29T23:00Z', samples: 60, down: 60 }, // before the range
      { serviceId: b, bucketStart: '2026-10-11T23:00Z', samples: 60, up: 60 },
    ])
    .execute()
  await db
    .insertInto('checkRollupHourly')
    .values([
      { serviceId: a, bucketStart: '2026-10-10T10:00Z', samples: 60, up: 50, degraded: 5, down: 5 },
      { serviceId: a, bucketStart: '2026-09-30T22:00Z', samples: 60, down: 60 }, // before the range
      { serviceId: b, bucketStart: '2026-10-12T10:00Z', samples: 60, up: 60 },
    ])
    .execute()
  await db
    .insertInto('checkSamples')
    .values([
      {
        serviceId: a,
        checkedAt: '2026-11-04T11:59:00Z',
        status: 'down',
        latencyMs: null,
        httpStatus: 503,
        error: 'HTTP 503',
      },
      {
        serviceId: b,
        checkedAt: '2026-11-04T11:50:00Z',
        status: 'up',
        latencyMs: 80,
        httpStatus: 200,
        error: null,
      },
      {
        serviceId: c,
        checkedAt: '2026-11-04T11:59:30Z',
        status: 'up',
        inMaintenance: true,
        latencyMs: 90,
        httpStatus: 200,
        error: null,
      },
    ])
    .execute()

  const incident = (
    ref: string,
    severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4',
    started: string,
    ackMin: number | null,
    resolveMin: number | null,
  ) => {
    const at = (m: number | null) =>
      m === null ? null : new Date(Date.parse(started) + m * 60_000)
    return {
      ref,
      title: ref,
      severity,
      startedAt: started,
      acknowledgedAt: at(ackMin),
      resolvedAt: at(resolveMin),
      status:
        resolveMin !== null
          ? ('resolved' as const)
          : ackMin !== null
            ? ('acknowledged' as const)
            : ('open' as const),
    }
  }
  await db
    .insertInto('incidents')
    .values([
      incident('I1', 'SEV1', '2026-10-05T10:00:00Z', 10, 120),
      incident('I2', 'SEV3', '2026-10-20T08:00:00Z', 30, 300),
      incident('I3', 'SEV2', '2026-10-28T09:00:00Z', 20, null),
      incident('I4', 'SEV4', '2026-09-01T09:00:00Z', 5, 60), // before the range
      incident('I5', 'SEV4', '2026-09-15T09:00:00Z', null, null), // before the range, still open
    ])
    .execute()

  const project = (code: string, status: 'active' | 'cancelled', start: string, end: string) =>
    db
      .insertInto('projects')
      .values({ code, name: code, status, startDate: start, endDate: end })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id)
  const p1 = await project('P1', 'active', '2026-01-01', '2026-12-31')
  const p2 = await project('P2', 'active', '2026-01-01', '2026-06-30')
  const future = await project('P3', 'active', '2026-12-01', '2027-06-30')
  const cancelled = await project('P4', 'cancelled', '2026-01-01', '2026-12-31')
  await db
    .insertInto('projectBudgetLines')
    .values([
      { projectId: p1, category: 'Hardware', spendType: 'capex', amountPence: 6_000_000 },
      { projectId: p1, category: 'Contractors', spendType: 'opex', amountPence: 4_000_000 },
      { projectId: p2, category: 'Licences', spendType: 'opex', amountPence: 2_000_000 },
      { projectId: future, category: 'Licences', spendType: 'opex', amountPence: 5_000_000 },
      { projectId: cancelled, category: 'Licences', spendType: 'opex', amountPence: 9_000_000 },
    ])
    .execute()
  const months = (projectId: number, amounts: number[]) =>
    amounts.map((plannedPence, i) => ({
      projectId,
      month: `2026-${String(i + 1).padStart(2, '0')}-01`,
      plannedPence,
    }))
  await db
    .insertInto('projectBaseline')
    .values([
      ...months(p1, [1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 2e6]),
      ...months(p2, [5e5, 5e5, 5e5, 5e5]),
    ])
    .execute()
  await db
    .insertInto('costEntries')
    .values([
      { projectId: p1, incurredOn: '2026-05-31', amountPence: 6_000_000, spendType: 'capex' },
      { projectId: p1, incurredOn: '2026-10-31', amountPence: 6_500_000, spendType: 'opex' },
      { projectId: p1, incurredOn: '2026-11-01', amountPence: 500_000, spendType: 'opex' }, // after
      { projectId: p2, incurredOn: '2026-04-30', amountPence: 1_900_000, spendType: 'opex' },
      { projectId: cancelled, incurredOn: '2026-04-30', amountPence: 100_000, spendType: 'opex' },
    ])
    .execute()
  await db
    .insertInto('projectProgress')
    .values([
      { projectId: p1, asOf: '2026-09-30', percentComplete: 80 },
      { projectId: p1, asOf: '2026-11-02', percentComplete: 95 }, // after
      { projectId: p2, asOf: '2026-04-30', percentComplete: 100 },
    ])
    .execute()

  const person = (name: string, contractedHoursPerWeek: number, endDate: string | null = null) =>
    db
      .insertInto('people')
      .values({ teamId: team.id, name, role: 'Engineer', contractedHoursPerWeek, endDate })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id)
  const x = await person('X', 37.5)
  const y = await person('Y', 30)
  const gone = await person('Z', 37.5, '2026-10-01')
  await db
    .insertInto('allocations')
    .values([
      {
        personId: x,
        kind: 'project',
        projectId: p1,
        firstWeek: '2026-10-05',
        lastWeek: '2026-11-30',
        hoursPerWeek: 20,
      },
      {
        personId: x,
        kind: 'run',
        projectId: null,
        firstWeek: '2026-11-02',
        lastWeek: '2026-11-02',
        hoursPerWeek: 25,
      },
      {
        personId: x,
        kind: 'support',
        projectId: null,
        firstWeek: '2026-10-05',
        lastWeek: '2026-10-26',
        hoursPerWeek: 10,
      },
      {
        personId: y,
        kind: 'run',
        projectId: null,
        firstWeek: '2026-11-02',
        lastWeek: '2026-12-28',
        hoursPerWeek: 15,
      },
      {
        personId: gone,
        kind: 'run',
        projectId: null,
        firstWeek: '2026-09-07',
        lastWeek: '2026-11-30',
        hoursPerWeek: 30,
      },
    ])
    .execute()
  await db
    .insertInto('bankHolidays')
    .values([
      { region: 'GB-ENG', day: '2026-11-06', name: 'Example holiday' },
      { region: 'GB-SCT', day: '2026-11-03', name: 'Another region' },
    ])
    .execute()
  await db
    .insertInto('timeOff')
    .values([
      { personId: x, firstDay: '2026-11-04', lastDay: '2026-11-04' },
      { personId: y, firstDay: '2026-11-06', lastDay: '2026-11-08' }, // a holiday and a weekend
    ])
    .execute()
}
