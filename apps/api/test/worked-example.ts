import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { loginAs, setupApp } from './helpers.ts'

// One worked example across the four areas, read by each area's summary test and the Overview's.
// Range: 1–31 October 2026 in Europe/London = [2026-09-30T23:00Z, 2026-11-01T00:00Z) (BST ends on
// 25 October), 745 hours. Now: Wednesday 2026-11-04 12:00Z, so this week is 2 November.
export const NOW = new Date('2026-11-04T12:00:00Z')
export const OCTOBER = 'from=2026-10-01&to=2026-10-31'

/** An app over its own database holding the example, and a viewer's GET returning status and body. */
export async function exampleApp() {
  const ctx = await setupApp(NOW)
  await seedExample(ctx.db)
  const viewer = (await loginAs(ctx, 'viewer')).headers
  // Bodies typed by the caller: an area's summary type, or the error envelope.
  const get = async <Body = unknown>(path: string) => {
    const res = await ctx.app.request(path, { headers: viewer })
    return { status: res.status, body: (await res.json()) as Body }
  }
  return { ...ctx, get }
}

export async function seedExample(db: Kysely<Database>) {
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
            : ('triggered' as const),
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
      {
        projectId: p1,
        name: 'Hardware',
        category: 'hardware',
        spendType: 'capex',
        amountPence: 6_000_000,
      },
      {
        projectId: p1,
        name: 'Contractors',
        category: 'labour',
        spendType: 'opex',
        amountPence: 4_000_000,
      },
      {
        projectId: p2,
        name: 'Licences',
        category: 'licences',
        spendType: 'opex',
        amountPence: 2_000_000,
      },
      {
        projectId: future,
        name: 'Licences',
        category: 'licences',
        spendType: 'opex',
        amountPence: 5_000_000,
      },
      {
        projectId: cancelled,
        name: 'Licences',
        category: 'licences',
        spendType: 'opex',
        amountPence: 9_000_000,
      },
    ])
    .execute()
  await db
    .insertInto('projectBaselines')
    .values([p1, p2].map((projectId) => ({ projectId, version: 1 })))
    .execute()
  const months = (projectId: number, amounts: number[]) =>
    amounts.map((plannedPence, i) => ({
      projectId,
      version: 1,
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
      {
        projectId: p1,
        incurredOn: '2026-05-31',
        amountPence: 6_000_000,
        category: 'services',
        spendType: 'capex',
      },
      {
        projectId: p1,
        incurredOn: '2026-10-31',
        amountPence: 6_500_000,
        category: 'services',
        spendType: 'opex',
      },
      {
        projectId: p1,
        incurredOn: '2026-11-01',
        amountPence: 500_000,
        category: 'services',
        spendType: 'opex',
      }, // after
      {
        projectId: p2,
        incurredOn: '2026-04-30',
        amountPence: 1_900_000,
        category: 'services',
        spendType: 'opex',
      },
      {
        projectId: cancelled,
        incurredOn: '2026-04-30',
        amountPence: 100_000,
        category: 'services',
        spendType: 'opex',
      },
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
        firstDay: '2026-10-05',
        lastDay: '2026-12-06',
        hoursPerWeek: 20,
      },
      {
        personId: x,
        kind: 'run',
        projectId: null,
        firstDay: '2026-11-02',
        lastDay: '2026-11-08',
        hoursPerWeek: 25,
      },
      {
        personId: x,
        kind: 'support',
        projectId: null,
        firstDay: '2026-10-05',
        lastDay: '2026-11-01',
        hoursPerWeek: 10,
      },
      {
        personId: y,
        kind: 'run',
        projectId: null,
        firstDay: '2026-11-02',
        lastDay: '2027-01-03',
        hoursPerWeek: 15,
      },
      {
        personId: gone,
        kind: 'run',
        projectId: null,
        firstDay: '2026-09-07',
        lastDay: '2026-12-06',
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
