import type { BudgetCategory } from '@opsdeck/contract'
import { beforeAll, describe, expect, it } from 'vitest'
import { useClockedApp } from '../../test/helpers.ts'
import { AreaReport } from '../lib/report-section.ts'
import { scopeOf } from '../lib/scope.ts'
import { insertProject } from './evm/test-project.ts'
import { projectsReport } from './report.ts'

// November 2026 in Europe/London, reported on Thursday 3 December: as of Monday 30 November,
// against Saturday 31 October (the day before the period). PV from monthly baselines is whole
// months at a month's end. Money in pence.
//
//           BAC        PV 31 Oct / 30 Nov     EV (progress)          AC 31 Oct / 30 Nov
//   RED  1,200,000  1,000,000 / 1,100,000  960,000 (80%) / 1,020,000 (85%)  960,000 / 1,210,000
//   GRN    600,000    500,000 /   550,000  510,000 (85%) /   570,000 (95%)  500,000 /   550,000
//   AMB    300,000    125,000 /   150,000  135,000 (45% since Sept)          130,000 /   140,000
//   MID     90,000    starts 16 Nov, linear over 90 days: 15,000; EV 18,000 (20%); AC 15,000
//   NEW    200,000    starts 14 December: not started, left out of the portfolio
//   OLD    closed: not live, only its supplier spend counts
// 31 Oct: RED CPI 1.00 SPI 0.96, GRN 1.02/1.02, AMB 1.04/1.08: all green; MID not started.
// 30 Nov: RED CPI 1,020/1,210 = 0.843 < 0.85: red. AMB CPI 0.964, SPI 135/150 = 0.90 < 0.95:
// amber. GRN 1.036/1.036 and MID 1.20/1.20 green. So 1 red, 1 amber; RAG changes RED green →
// red, AMB green → amber, MID (not started) → green.
// Roll-up of RED, GRN, AMB, MID: BAC 2,190,000; AC 1,915,000; EV 1,743,000; PV 1,815,000;
// CPI 1,743/1,915, SPI 1,743/1,815; EAC = Σ round(BAC / CPI) = 1,423,529 + 578,947 + 311,111 +
// 75,000 = 2,388,587; VAC 2,190,000 − 2,388,587 = −198,587.
// November's actuals: RED 200,000 Globex + 50,000 Acme; GRN 50,000 Initech; AMB 10,000 Globex;
// MID 15,000 Acme = 325,000 on the portfolio. With NEW's 20,000 Deposit Co and OLD's 5,000 Acme,
// supplier spend 350,000: Globex 210,000 (0.6, 2 projects), Acme Ltd 70,000 (0.2, 3), Initech
// 50,000 (1/7, 1), Deposit Co 20,000 (2/35, 1). RED's 60,000 of 31 Oct and GRN's 7,000 of
// 1 Dec are outside.
// Capacity: Pat is booked 45 h on RED in week 46 (9 Nov; 120% of 37.5 h): RED is at risk.
// Quin is booked 45 h on NEW in week 51 (14 Dec), read in the same four weeks as 23 November
// but outside the period: NEW is not at risk in November.
const NOW = new Date('2026-12-03T12:00:00Z')
const ctx = useClockedApp(NOW)

const months = (from: number, to: number, amount: number, year = 2026) =>
  Object.fromEntries(
    Array.from({ length: to - from + 1 }, (_, i) => [
      `${year}-${String(from + i).padStart(2, '0')}`,
      amount,
    ]),
  )
const line = (amount: number) => [
  { category: 'services' as BudgetCategory, spendType: 'opex' as const, amount },
]
const spend = (day: string, amount: number) => ({
  day,
  amount,
  category: 'services' as BudgetCategory,
  spendType: 'opex' as const,
})
const baseline = (m: Record<string, number>) => [
  { reason: 'Plan', createdAt: '2026-01-01T00:00:00Z', months: m },
]

let report: AreaReport

async function reportFor(from: string, to: string) {
  const scope = await scopeOf(ctx.db, { from, to }, NOW)
  if (!scope.ok) throw new Error(scope.message)
  return AreaReport.parse(await projectsReport(ctx.db, scope.scope))
}
const valueOf = (r: AreaReport, key: string) => r.figures.find((f) => f.key === key)?.value

beforeAll(async () => {
  const db = ctx.db
  const ids: Record<string, number> = {}
  ids.RED = await insertProject(db, {
    code: 'RED',
    start: '2026-01-01',
    end: '2026-12-31',
    lines: line(1_200_000),
    costs: [spend('2026-06-30', 900_000)],
    progress: [
      { day: '2026-10-31', percent: 80 },
      { day: '2026-11-30', percent: 85 },
    ],
    baselines: baseline(months(1, 12, 100_000)),
  })
  ids.GRN = await insertProject(db, {
    code: 'GRN',
    start: '2026-01-01',
    end: '2026-12-31',
    lines: line(600_000),
    costs: [spend('2026-05-31', 500_000)],
    progress: [
      { day: '2026-10-31', percent: 85 },
      { day: '2026-11-30', percent: 95 },
    ],
    baselines: baseline(months(1, 12, 50_000)),
  })
  ids.AMB = await insertProject(db, {
    code: 'AMB',
    start: '2026-06-01',
    end: '2027-05-31',
    lines: line(300_000),
    costs: [spend('2026-08-31', 130_000)],
    progress: [{ day: '2026-09-30', percent: 45 }],
    baselines: baseline({ ...months(6, 12, 25_000), ...months(1, 5, 25_000, 2027) }),
  })
  ids.MID = await insertProject(db, {
    code: 'MID',
    start: '2026-11-16',
    end: '2027-02-13',
    lines: line(90_000),
    costs: [spend('2026-11-20', 15_000)],
    progress: [{ day: '2026-11-30', percent: 20 }],
  })
  ids.NEW = await insertProject(db, {
    code: 'NEW',
    start: '2026-12-14',
    end: '2027-06-30',
    lines: line(200_000),
  })
  ids.OLD = await insertProject(db, { code: 'OLD', start: '2025-01-01', end: '2026-06-30' })
  await db.updateTable('projects').set({ status: 'on_hold' }).where('code', '=', 'AMB').execute()
  await db.updateTable('projects').set({ status: 'closed' }).where('code', '=', 'OLD').execute()
  const cost = (code: string, incurredOn: string, amountPence: number, supplier: string) => ({
    projectId: ids[code] ?? 0,
    incurredOn,
    amountPence,
    supplier,
    category: 'services' as const,
    spendType: 'opex' as const,
  })
  await db
    .insertInto('costEntries')
    .values([
      cost('RED', '2026-10-31', 60_000, 'Globex'),
      cost('RED', '2026-11-10', 200_000, 'Globex'),
      cost('RED', '2026-11-25', 50_000, 'Acme Ltd'),
      cost('GRN', '2026-11-05', 50_000, 'Initech'),
      cost('GRN', '2026-12-01', 7_000, 'Initech'),
      cost('AMB', '2026-11-18', 10_000, 'Globex'),
      cost('NEW', '2026-11-20', 20_000, 'Deposit Co'),
      cost('OLD', '2026-11-12', 5_000, 'Acme Ltd'),
    ])
    .execute()

  const team = await db
    .insertInto('teams')
    .values({ slug: 'delivery', name: 'Delivery' })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const [name, code, firstDay, lastDay] of [
    ['Pat', 'RED', '2026-11-09', '2026-11-15'],
    ['Quin', 'NEW', '2026-12-14', '2026-12-20'],
  ] as const) {
    const person = await db
      .insertInto('people')
      .values({
        teamId: team.id,
        name,
        role: 'Engineer',
        contractedHoursPerWeek: 37.5,
        workingDays: [1, 2, 3, 4, 5],
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('allocations')
      .values({
        personId: person.id,
        kind: 'project',
        projectId: ids[code] ?? 0,
        firstDay,
        lastDay,
        hoursPerWeek: 45,
        status: 'confirmed',
      })
      .execute()
  }

  report = await reportFor('2026-11-01', '2026-11-30')
})

const values = () => Object.fromEntries(report.figures.map((f) => [f.key, f.value]))
const table = (key: string) => report.tables.find((t) => t.key === key)

describe('projectsReport', () => {
  it('rolls the live portfolio up as of the period’s last day', () => {
    expect(report).toMatchObject({ area: 'projects', title: 'Project budgets' })
    expect(values()).toEqual({
      cpi: 1_743_000 / 1_915_000,
      spi: 1_743_000 / 1_815_000,
      bac: 2_190_000,
      ac: 1_915_000,
      spentInPeriod: 325_000,
      eac: 2_388_587,
      vac: -198_587,
      projectsRed: 1,
      projectsAmber: 1,
      projectsAtCapacityRisk: 1,
      supplierSpend: 350_000,
    })
  })

  it('sets each figure’s good news, target and definition', () => {
    const rules = Object.fromEntries(
      report.figures.map((f) => [f.key, [f.unit, f.better, f.target, f.targetKind, f.definition]]),
    )
    expect(rules).toEqual({
      cpi: ['index', 'higher', 0.95, 'min', 'cpi'],
      spi: ['index', 'higher', 0.95, 'min', 'spi'],
      bac: ['money', 'neither', null, null, 'bac'],
      ac: ['money', 'neither', null, null, 'ac'],
      spentInPeriod: ['money', 'neither', null, null, 'periodSpend'],
      eac: ['money', 'lower', null, null, 'forecastCost'],
      vac: ['money', 'higher', null, null, 'vac'],
      projectsRed: ['count', 'lower', 0, 'max', 'rag'],
      projectsAmber: ['count', 'lower', null, null, 'rag'],
      projectsAtCapacityRisk: ['count', 'lower', null, null, 'projectCapacityRisk'],
      supplierSpend: ['money', 'neither', null, null, 'periodSpend'],
    })
  })

  it('lists the projects that changed colour since the day before the period', () => {
    expect(table('ragChanges')?.rows).toEqual([
      {
        code: 'RED',
        name: 'Project RED',
        from: 'green',
        to: 'red',
        reason: 'CPI 0.84 < 0.85',
        cpi: 1_020_000 / 1_210_000,
      },
      {
        code: 'AMB',
        name: 'Project AMB',
        from: 'green',
        to: 'amber',
        reason: 'SPI 0.90 < 0.95',
        cpi: 135_000 / 140_000,
      },
      {
        code: 'MID',
        name: 'Project MID',
        from: null,
        to: 'green',
        reason: 'CPI 1.20, SPI 1.20 within thresholds',
        cpi: 1.2,
      },
    ])
  })

  it('lists the red and amber projects with their risk from capacity', () => {
    expect(table('atRisk')?.rows).toEqual([
      {
        code: 'RED',
        name: 'Project RED',
        rag: 'red',
        reason: 'CPI 0.84 < 0.85',
        cpi: 1_020_000 / 1_210_000,
        spi: 1_020_000 / 1_100_000,
        eac: 1_423_529,
        capacityRisk: '1 of 1 person booked over 110% in week 46',
      },
      {
        code: 'AMB',
        name: 'Project AMB',
        rag: 'amber',
        reason: 'SPI 0.90 < 0.95',
        cpi: 135_000 / 140_000,
        spi: 135_000 / 150_000,
        eac: 311_111,
        capacityRisk: null,
      },
    ])
  })

  it('names the suppliers by spend in the period, with their share and projects', () => {
    expect(table('suppliers')?.rows).toEqual([
      { supplier: 'Globex', spend: 210_000, share: 210_000 / 350_000, projects: 2 },
      { supplier: 'Acme Ltd', spend: 70_000, share: 70_000 / 350_000, projects: 3 },
      { supplier: 'Initech', spend: 50_000, share: 50_000 / 350_000, projects: 1 },
      { supplier: 'Deposit Co', spend: 20_000, share: 20_000 / 350_000, projects: 1 },
    ])
  })

  it('reads a period under way as of today: December to the 3rd', async () => {
    // GRN's 7,000 of 1 December; as of the 3rd no project changed colour since 30 November.
    const december = await reportFor('2026-12-01', '2026-12-31')
    expect(valueOf(december, 'spentInPeriod')).toBe(7_000)
    expect(valueOf(december, 'supplierSpend')).toBe(7_000)
    expect(valueOf(december, 'ac')).toBe(1_915_000 + 7_000)
    expect(december.tables.find((t) => t.key === 'ragChanges')?.rows).toEqual([])
  })

  it('counts the risk from capacity in a week’s own week only', async () => {
    // Week 49's four weeks read hold Quin's week 51 on NEW: not in week 49.
    for (const [from, to, atRisk] of [
      ['2026-11-09', '2026-11-15', 1],
      ['2026-11-30', '2026-12-06', 0],
      ['2026-12-14', '2026-12-20', 1],
    ] as const) {
      const week = await reportFor(from, to)
      expect(valueOf(week, 'projectsAtCapacityRisk'), from).toBe(atRisk)
      // Listed among the projects at risk whatever their colour, as many as counted.
      const listed = week.tables.find((t) => t.key === 'atRisk')?.rows ?? []
      expect(listed.filter((r) => r.capacityRisk !== null).length, from).toBe(atRisk)
    }
  })
  it('names only the period’s weeks in a project’s risk from capacity', async () => {
    // Rae is booked 45 h on GRN in weeks 49 and 50: the report for week 49 says week 49 alone.
    const db = ctx.db
    const grn = await db
      .selectFrom('projects')
      .select('id')
      .where('code', '=', 'GRN')
      .executeTakeFirstOrThrow()
    const team = await db
      .selectFrom('teams')
      .select('id')
      .where('slug', '=', 'delivery')
      .executeTakeFirstOrThrow()
    const rae = await db
      .insertInto('people')
      .values({
        teamId: team.id,
        name: 'Rae',
        role: 'Engineer',
        contractedHoursPerWeek: 37.5,
        workingDays: [1, 2, 3, 4, 5],
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const booking = await db
      .insertInto('allocations')
      .values({
        personId: rae.id,
        kind: 'project',
        projectId: grn.id,
        firstDay: '2026-11-30',
        lastDay: '2026-12-13',
        hoursPerWeek: 45,
        status: 'confirmed',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    try {
      const week = await reportFor('2026-11-30', '2026-12-06')
      const row = week.tables.find((t) => t.key === 'atRisk')?.rows.find((r) => r.code === 'GRN')
      expect(row?.capacityRisk).toBe('1 of 1 person booked over 110% in week 49')
    } finally {
      await db.deleteFrom('allocations').where('id', '=', booking.id).execute()
      await db.deleteFrom('people').where('id', '=', rae.id).execute()
    }
  })
})
