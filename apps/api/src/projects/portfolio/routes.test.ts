import type { Database } from '@opsdeck/db'
import type { Insertable, Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, setupApp } from '../../../test/helpers.ts'
import { Portfolio } from './schemas.ts'

// A worked example as of Tuesday 30 June 2026 (now is 4 July; asOf is given).
//   BIG   BAC £100k (capex £60k, opex £40k), plan £10k a month Jan–Jun → PV £60k; AC £50k
//         (capex £30k, opex £20k; a cost on 1 July is after asOf); 60% → EV £60k.
//         CPI 60/50 = 1.2, SPI 1.0, EAC 100k / 1.2 = £83,333.33 → 8,333,333 p. Green.
//   SMALL BAC £10k opex, plan £1k a month Jan–Jun → PV £6k; AC £8k; 30% → EV £3k.
//         CPI 3/8 = 0.375, SPI 0.5, EAC 10k / 0.375 = 2,666,667 p. Red: "CPI 0.38 < 0.85".
//         Finish by SPI: 365 days / 0.5 = 730 days from 1 Jan 2026 → 31 Dec 2027, late.
//   LATER starts 1 Sep 2026, BAC £20k capex: not started, PV 0, no EAC (forecast = its BAC).
//   DONE  closed: only with a status filter.
// The average of the CPIs, (1.2 + 0.375) / 2 = 0.7875, would say the portfolio is over budget;
// from the sums it is EV 6.3m / AC 5.8m = 1.0862 (BIG weighs ten times SMALL).
const NOW = new Date('2026-07-04T12:00:00Z')
const ASOF = 'asOf=2026-06-30'

let ctx: Awaited<ReturnType<typeof setupApp>>
let headers: Record<string, string>
beforeAll(async () => {
  ctx = await setupApp(NOW)
  await seed(ctx.db)
  headers = (await loginAs(ctx, 'viewer')).headers
})
afterAll(() => ctx.drop())

async function get(query: string) {
  const res = await ctx.app.request(`/api/v1/portfolio?${query}`, { headers })
  const body: unknown = await res.json()
  return { status: res.status, body }
}
async function portfolio(query = ASOF) {
  const { status, body } = await get(query)
  expect(status).toBe(200)
  return expectMatches(Portfolio, body)
}

describe('GET /api/v1/portfolio', () => {
  it('rates each live project as of the day', async () => {
    const body = await portfolio()
    expect(body.asOf).toBe('2026-06-30')
    expect(body.statuses).toEqual(['active', 'on_hold'])
    expect(body.projects.map((p) => p.code)).toEqual(['BIG', 'LATER', 'SMALL'])
    const [big, later, small] = body.projects
    expect(big).toMatchObject({
      owner: { id: expect.any(Number), name: 'Priya' },
      started: true,
      bac: 10_000_000,
      pv: 6_000_000,
      ev: 6_000_000,
      ac: 5_000_000,
      spentShare: 0.5,
      percentComplete: 60,
      cpi: 1.2,
      spi: 1,
      eac: 8_333_333,
      etc: 3_333_333,
      vac: 1_666_667,
      rag: { status: 'green' },
      forecastFinish: '2026-12-31',
      finishLate: false,
      budget: { capex: 6_000_000, opex: 4_000_000 },
      actual: { capex: 3_000_000, opex: 2_000_000 },
    })
    expect(small).toMatchObject({
      owner: null,
      ac: 800_000,
      ev: 300_000,
      cpi: 0.375,
      spi: 0.5,
      eac: 2_666_667,
      spentShare: 0.8,
      rag: { status: 'red', reason: 'CPI 0.38 < 0.85' },
      forecastFinish: '2027-12-31',
      finishLate: true,
    })
    // TCPI = (BAC − EV) / (BAC − AC) = 7k / 2k.
    expect(small?.tcpi).toBeCloseTo(3.5, 10)
    expect(later).toMatchObject({
      started: false,
      pv: 0,
      ev: 0,
      ac: 0,
      cpi: null,
      spi: null,
      eac: null,
      percentComplete: null,
      rag: { status: 'grey' },
      forecastFinish: null,
      finishLate: null,
    })
  })

  it('rolls up sums of money and indices from the sums, never an average of ratios', async () => {
    const { totals, capexOpex } = await portfolio()
    // BAC 100k + 10k + 20k; PV 60k + 6k; EV 60k + 3k; AC 50k + 8k.
    // EAC = 8,333,333 + 2,666,667 + LATER's BAC 2,000,000 = 13,000,000; VAC 0; ETC 13m − 5.8m.
    expect(totals).toMatchObject({
      projects: 3,
      bac: 13_000_000,
      pv: 6_600_000,
      ev: 6_300_000,
      ac: 5_800_000,
      cv: 500_000,
      sv: -300_000,
      eac: 13_000_000,
      etc: 7_200_000,
      vac: 0,
    })
    expect(totals.cpi).toBeCloseTo(6.3 / 5.8, 10) // 1.0862, not the mean 0.7875
    expect(totals.spi).toBeCloseTo(6.3 / 6.6, 10)
    expect(totals.tcpi).toBeCloseTo(6.7 / 7.2, 10)
    expect(totals.spentShare).toBeCloseTo(5.8 / 13, 10)
    expect(capexOpex).toEqual({
      capex: { budget: 8_000_000, actual: 3_000_000 },
      opex: { budget: 5_000_000, actual: 2_800_000 },
    })
  })

  it('says where each figure is defined, and by which thresholds', async () => {
    const body = await portfolio()
    expect(body.definitions).toMatchObject({ cpi: 'cpi', totals: 'portfolioEvm' })
    expect(body.currency).toBe('GBP')
    expect(body.thresholds.red.cpi).toBe(0.85)
  })

  it('filters by status, repeated or comma-separated', async () => {
    const closed = await portfolio(`${ASOF}&status=closed`)
    expect(closed.projects.map((p) => p.code)).toEqual(['DONE'])
    expect(closed.totals).toMatchObject({ projects: 1, bac: 500_000, ac: 450_000 })
    const both = await portfolio(`${ASOF}&status=closed,active&status=closed`)
    expect(both.statuses).toEqual(['closed', 'active'])
    expect(both.projects.map((p) => p.code)).toEqual(['BIG', 'DONE', 'LATER', 'SMALL'])
  })

  it('is as of today in the organisation’s zone by default', async () => {
    const body = await portfolio('')
    expect(body.asOf).toBe('2026-07-04')
    // The cost of 1 July now counts.
    expect(body.projects.find((p) => p.code === 'BIG')?.ac).toBe(5_000_123)
  })

  it('refuses a day that does not exist and an unknown status, in the envelope', async () => {
    for (const [query, path] of [
      ['asOf=2026-02-31', 'query.asOf'],
      ['asOf=30/06/2026', 'query.asOf'],
      ['asOf=1969-12-31', 'query.asOf'],
      ['status=open', 'query.status.0'],
      ['status=', 'query.status.0'],
    ]) {
      const { status, body } = await get(query ?? '')
      expect(status, query).toBe(400)
      expect(body).toMatchObject({
        error: { code: 'validation_failed', details: [expect.objectContaining({ path })] },
      })
    }
  })
})

async function seed(db: Kysely<Database>) {
  const team = await db
    .insertInto('teams')
    .values({ slug: 'pmo', name: 'PMO' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const owner = await db
    .insertInto('people')
    .values({ teamId: team.id, name: 'Priya', role: 'PM', contractedHoursPerWeek: 37.5 })
    .returning('id')
    .executeTakeFirstOrThrow()
  const project = async (
    values: Insertable<Database['projects']>,
    lines: [spend: 'capex' | 'opex', pence: number][],
  ) => {
    const { id } = await db
      .insertInto('projects')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('projectBudgetLines')
      .values(
        lines.map(([spendType, amountPence]) => ({
          projectId: id,
          name: spendType,
          category: 'services' as const,
          spendType,
          amountPence,
        })),
      )
      .execute()
    return id
  }
  const year = { startDate: '2026-01-01', endDate: '2026-12-31', status: 'active' as const }
  const big = await project({ code: 'BIG', name: 'Big', ownerPersonId: owner.id, ...year }, [
    ['capex', 6_000_000],
    ['opex', 4_000_000],
  ])
  const small = await project({ code: 'SMALL', name: 'Small', ...year }, [['opex', 1_000_000]])
  await project({ code: 'LATER', name: 'Later', startDate: '2026-09-01', endDate: '2027-03-31' }, [
    ['capex', 2_000_000],
  ])
  const done = await project({ ...year, code: 'DONE', name: 'Done', status: 'closed' }, [
    ['opex', 500_000],
  ])
  await db
    .insertInto('projectBaselines')
    .values([big, small].map((projectId) => ({ projectId, version: 1 })))
    .execute()
  const plan = (projectId: number, monthly: number, months: number) =>
    Array.from({ length: months }, (_, i) => ({
      projectId,
      version: 1,
      month: `2026-${String(i + 1).padStart(2, '0')}-01`,
      plannedPence: monthly,
    }))
  await db
    .insertInto('projectBaseline')
    .values([
      ...plan(big, 1_000_000, 6),
      ...plan(big, 400_000, 10).slice(6),
      ...plan(small, 100_000, 6),
    ])
    .execute()
  const cost = (projectId: number, incurredOn: string, amountPence: number, capex = false) => ({
    projectId,
    incurredOn,
    amountPence,
    category: 'services' as const,
    spendType: capex ? ('capex' as const) : ('opex' as const),
  })
  await db
    .insertInto('costEntries')
    .values([
      cost(big, '2026-02-10', 3_000_000, true),
      cost(big, '2026-06-30', 2_000_000),
      cost(big, '2026-07-01', 123), // after asOf
      cost(small, '2026-03-01', 800_000),
      cost(done, '2026-03-01', 450_000),
    ])
    .execute()
  await db
    .insertInto('projectProgress')
    .values([
      { projectId: big, asOf: '2026-05-31', percentComplete: 40 },
      { projectId: big, asOf: '2026-06-30', percentComplete: 60 },
      { projectId: big, asOf: '2026-07-02', percentComplete: 70 }, // after asOf
      { projectId: small, asOf: '2026-06-01', percentComplete: 30 },
    ])
    .execute()
}
