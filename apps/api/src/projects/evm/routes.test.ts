import { DEFAULT_RAG_THRESHOLDS, KPI_DEFINITIONS, type RagThresholds } from '@opsdeck/kpi'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, useClockedApp } from '../../../test/helpers.ts'
import { ProjectEvm } from './schemas.ts'
import { insertProject, type TestProject } from './test-project.ts'

// 31 March 2026 23:30Z is already 1 April in London (BST began on 29 March).
const ctx = useClockedApp(new Date('2026-03-31T23:30:00Z'))
let headers: Record<string, string>
const get = async (path: string) => {
  const res = await ctx.app.request(path, { headers })
  return { status: res.status, body: await res.json() }
}
const evmOf = async (code: string, asOf?: string) => {
  const { status, body } = await get(`/api/v1/projects/${code}/evm${asOf ? `?asOf=${asOf}` : ''}`)
  expect(status, JSON.stringify(body)).toBe(200)
  return expectMatches(ProjectEvm, body)
}

const setThresholds = (t: RagThresholds) =>
  ctx.db
    .updateTable('organisationSettings')
    .set({ ragThresholds: JSON.stringify(t) })
    .execute()

const gbp = (pounds: number) => pounds * 100

// The worked example. P1 runs 1 January – 30 June 2026 (181 days) with BAC £100k: labour opex
// £60k, hardware capex £30k, contingency opex £10k. Baseline v1 (Jan–Jun) 10, 15, 20, 20, 20, 15
// (£k); re-baselined (v2, "Supplier delay") to 10, 10, 15, 20, 25, 20. As of 31 March:
//   PV (v2) = 10 + 10 + 15 = £35k (v1 would give £45k)
//   AC = 8 (15 Jan labour) + 12 (10 Feb hardware) + 9 (5 Mar labour) + 11 (20 Mar labour) = £40k;
//        the £5k of 2 April is after asOf
//   EV = 32% (25 March; the 50% of 15 April is later) × £100k = £32k
//   CV = 32 − 40 = −£8k; SV = 32 − 35 = −£3k; CPI = 32/40 = 0.8; SPI = 32/35 = 0.9142857
//   EAC = 100/0.8 = £125k; atypical 40 + 68 = £108k; combined 40 + 68/(0.8 × 32/35) =
//        40 + 2380/25.6 = £132,968.75; ETC = 125 − 40 = £85k; VAC = −£25k; TCPI = 68/60
//   spent 40/100 = 0.4; burn: 3 months back from 31 March is 31 December, so the window is
//        1 Jan – 31 Mar, 3 months: £40k/3 = £13,333.33/month; runway 60,000/13,333.33 = 4.5
//   forecast finish: ⌈181 / (32/35)⌉ = ⌈197.97⌉ = 198 days from 1 Jan → 17 July 2026
//   RAG: CPI 0.80 < 0.85 → red
const P1: TestProject = {
  code: 'EVM-P1',
  start: '2026-01-01',
  end: '2026-06-30',
  lines: [
    { category: 'labour', spendType: 'opex', amount: gbp(60_000) },
    { category: 'hardware', spendType: 'capex', amount: gbp(30_000) },
    { category: 'contingency', spendType: 'opex', amount: gbp(10_000) },
  ],
  costs: [
    { day: '2026-01-15', amount: gbp(8_000), category: 'labour', spendType: 'opex' },
    { day: '2026-02-10', amount: gbp(12_000), category: 'hardware', spendType: 'capex' },
    { day: '2026-03-05', amount: gbp(9_000), category: 'labour', spendType: 'opex' },
    { day: '2026-03-20', amount: gbp(11_000), category: 'labour', spendType: 'opex' },
    { day: '2026-04-02', amount: gbp(5_000), category: 'labour', spendType: 'opex' },
  ],
  progress: [
    { day: '2026-01-31', percent: 10 },
    { day: '2026-02-28', percent: 20 },
    { day: '2026-03-25', percent: 32 },
    { day: '2026-04-15', percent: 50 },
  ],
  baselines: [
    {
      reason: 'Original baseline',
      createdAt: '2025-12-01T10:00:00Z',
      months: {
        '2026-01': gbp(10_000),
        '2026-02': gbp(15_000),
        '2026-03': gbp(20_000),
        '2026-04': gbp(20_000),
        '2026-05': gbp(20_000),
        '2026-06': gbp(15_000),
      },
    },
    {
      reason: 'Supplier delay',
      createdAt: '2026-02-15T09:30:00Z',
      months: {
        '2026-01': gbp(10_000),
        '2026-02': gbp(10_000),
        '2026-03': gbp(15_000),
        '2026-04': gbp(20_000),
        '2026-05': gbp(25_000),
        '2026-06': gbp(20_000),
      },
    },
  ],
}

beforeAll(async () => {
  headers = (await loginAs(ctx, 'viewer')).headers
  await insertProject(ctx.db, P1)
})

describe('GET /api/v1/projects/:code/evm', () => {
  it('works out every figure of the worked example by the current baseline', async () => {
    const body = await evmOf('EVM-P1', '2026-03-31')
    expect(body.project).toEqual({
      code: 'EVM-P1',
      name: 'Project EVM-P1',
      status: 'active',
      startDate: '2026-01-01',
      endDate: '2026-06-30',
    })
    expect(body.asOf).toBe('2026-03-31')
    expect(body.currency).toBe('GBP')
    expect(body.baseline).toEqual({
      version: 2,
      reason: 'Supplier delay',
      createdAt: '2026-02-15T09:30:00.000Z',
    })
    expect(body.original).toEqual({
      version: 1,
      reason: 'Original baseline',
      createdAt: '2025-12-01T10:00:00.000Z',
    })
    const { definitions, tcpi, spi, runwayMonths, ...figures } = body.figures
    expect(figures).toEqual({
      bac: gbp(100_000),
      pv: gbp(35_000),
      ev: gbp(32_000),
      ac: gbp(40_000),
      cv: -gbp(8_000),
      sv: -gbp(3_000),
      cpi: 0.8,
      eac: gbp(125_000),
      eacAtypical: gbp(108_000),
      eacCombined: 13_296_875,
      etc: gbp(85_000),
      vac: -gbp(25_000),
      percentComplete: 32,
      progressAsOf: '2026-03-25',
      spentShare: 0.4,
      burnRate: { perMonth: 1_333_333, from: '2026-01-01', months: 3 },
      forecastFinish: '2026-07-17',
    })
    expect(spi).toBeCloseTo(32 / 35, 12)
    expect(tcpi).toBeCloseTo(68 / 60, 12)
    expect(runwayMonths).toBeCloseTo(4.5, 5)
    for (const id of Object.values(definitions)) expect(KPI_DEFINITIONS).toHaveProperty(id)
    expect(definitions).toMatchObject({ pv: 'pv', burnRate: 'costBurnRate', rag: 'rag' })
    expect(body.rag).toMatchObject({ status: 'red', reason: 'CPI 0.80 < 0.85' })
  })

  // Day by day with v2: 1 Jan PV > 0, nothing earned: SPI 0. 31 Jan 10% → EV £10k = PV, AC £8k.
  // February's PV grows by £10k/28 a day against EV £10k: SPI 0.933 on the 2nd, 0.848 on the 5th.
  // 28 Feb 20% → EV £20k = PV = AC. March: PV +£15k/31 a day, SPI 0.932 on the 3rd; on the 5th
  // AC £29k against EV £20k: CPI 0.69. Red from then to 31 March (CPI 0.80 after the 25th).
  it('lists the RAG changes from the start to asOf, turning amber and then red', async () => {
    const { ragHistory, rag } = await evmOf('EVM-P1', '2026-03-31')
    expect(ragHistory).toEqual([
      { day: '2026-01-01', status: 'red', reason: 'SPI 0.00 < 0.85' },
      { day: '2026-01-31', status: 'green', reason: 'CPI 1.25, SPI 1.00 within thresholds' },
      { day: '2026-02-02', status: 'amber', reason: 'SPI 0.93 < 0.95' },
      { day: '2026-02-05', status: 'red', reason: 'SPI 0.848 < 0.85' },
      { day: '2026-02-28', status: 'green', reason: 'CPI 1.00, SPI 1.00 within thresholds' },
      { day: '2026-03-03', status: 'amber', reason: 'SPI 0.93 < 0.95' },
      { day: '2026-03-05', status: 'red', reason: 'CPI 0.69 < 0.85' },
    ])
    expect(rag.thresholds).toEqual({
      red: { cpi: 0.85, spi: 0.85, eacOverBac: 1.1 },
      amber: { cpi: 0.95, spi: 0.95, eacOverBac: 1 },
    })
  })

  // PV at each month's end by v2 (and v1); EV and AC at the month's end up to asOf; the EAC line
  // from AC £40k in March to EAC £125k in June: +£85k/3 a month.
  it('draws the S-curve with both baselines and the EAC forecast', async () => {
    const { sCurve, monthly } = await evmOf('EVM-P1', '2026-03-31')
    expect(sCurve).toEqual([
      {
        month: '2026-01',
        pv: gbp(10_000),
        pvOriginal: gbp(10_000),
        ev: gbp(10_000),
        ac: gbp(8_000),
        eacForecast: null,
      },
      {
        month: '2026-02',
        pv: gbp(20_000),
        pvOriginal: gbp(25_000),
        ev: gbp(20_000),
        ac: gbp(20_000),
        eacForecast: null,
      },
      {
        month: '2026-03',
        pv: gbp(35_000),
        pvOriginal: gbp(45_000),
        ev: gbp(32_000),
        ac: gbp(40_000),
        eacForecast: gbp(40_000),
      },
      {
        month: '2026-04',
        pv: gbp(55_000),
        pvOriginal: gbp(65_000),
        ev: null,
        ac: null,
        eacForecast: 6_833_333,
      },
      {
        month: '2026-05',
        pv: gbp(80_000),
        pvOriginal: gbp(85_000),
        ev: null,
        ac: null,
        eacForecast: 9_666_667,
      },
      {
        month: '2026-06',
        pv: gbp(100_000),
        pvOriginal: gbp(100_000),
        ev: null,
        ac: null,
        eacForecast: gbp(125_000),
      },
    ])
    expect(monthly).toEqual([
      { month: '2026-01', planned: gbp(10_000), actual: gbp(8_000) },
      { month: '2026-02', planned: gbp(10_000), actual: gbp(12_000) },
      { month: '2026-03', planned: gbp(15_000), actual: gbp(20_000) },
      { month: '2026-04', planned: gbp(20_000), actual: 0 },
      { month: '2026-05', planned: gbp(25_000), actual: 0 },
      { month: '2026-06', planned: gbp(20_000), actual: 0 },
    ])
  })

  it('splits budget and actuals by category and capex/opex', async () => {
    const body = await evmOf('EVM-P1', '2026-03-31')
    const none = { budget: 0, actual: 0 }
    expect(body.categories).toEqual([
      {
        category: 'labour',
        budget: gbp(60_000),
        actual: gbp(28_000),
        capex: none,
        opex: { budget: gbp(60_000), actual: gbp(28_000) },
      },
      {
        category: 'hardware',
        budget: gbp(30_000),
        actual: gbp(12_000),
        capex: { budget: gbp(30_000), actual: gbp(12_000) },
        opex: none,
      },
      {
        category: 'contingency',
        budget: gbp(10_000),
        actual: 0,
        capex: none,
        opex: { budget: gbp(10_000), actual: 0 },
      },
    ])
    expect(body.spendTypes).toEqual({
      capex: { budget: gbp(30_000), actual: gbp(12_000) },
      opex: { budget: gbp(70_000), actual: gbp(28_000) },
    })
  })

  it('rates the figures and the history by the organisation’s thresholds', async () => {
    const red = { cpi: 0.5, spi: 0.5, eacOverBac: 2 }
    const thresholds = { red, amber: DEFAULT_RAG_THRESHOLDS.amber }
    await setThresholds(thresholds)
    try {
      const { rag, ragHistory } = await evmOf('EVM-P1', '2026-03-31')
      expect(rag).toEqual({ status: 'amber', reason: 'CPI 0.80 < 0.95', thresholds })
      // SPI 0.848 on 5 February and CPI 0.69 on 5 March are amber now: no change then.
      expect(ragHistory.map((c) => `${c.day} ${c.status}`)).toEqual([
        '2026-01-01 red',
        '2026-01-31 green',
        '2026-02-02 amber',
        '2026-02-28 green',
        '2026-03-03 amber',
      ])
    } finally {
      await setThresholds(DEFAULT_RAG_THRESHOLDS)
    }
  })

  it('names a single baseline version and has no original beside it', async () => {
    await insertProject(ctx.db, {
      ...P1,
      code: 'EVM-P2',
      baselines: P1.baselines?.slice(0, 1),
    })
    const body = await evmOf('EVM-P2', '2026-03-31')
    expect(body.baseline).toMatchObject({ version: 1, reason: 'Original baseline' })
    expect(body.original).toBeNull()
    expect(body.figures.pv).toBe(gbp(45_000))
    expect(body.sCurve.map((p) => p.pvOriginal)).toEqual(Array(6).fill(null))
  })

  it('is as of today in the organisation’s time zone by default', async () => {
    const body = await evmOf('EVM-P1')
    expect(body.asOf).toBe('2026-04-01')
    // The £5k of 2 April is not yet spent; 1 April is 1/30 into April's £20k.
    expect(body.figures).toMatchObject({ ac: gbp(40_000), pv: 3_566_667 })
  })

  const NO_DAY = 'must be a day, e.g. 2026-03-29'
  it.each([
    ['2026-02-30', NO_DAY],
    ['2026-13-01', NO_DAY],
    ['yesterday', NO_DAY],
    ['31/03/2026', NO_DAY],
    ['1969-12-31', 'must be in 1970 or later'],
    // P1 ends on 30 June 2026: its figures run to ten years after that and no further.
    ['2036-06-30', 'must be before 2036-06-30, 10 years after the project’s end'],
    ['2999-12-31', 'must be before 2036-06-30, 10 years after the project’s end'],
  ])('refuses asOf=%s with 400: %s', async (asOf, message) => {
    const { status, body } = await get(`/api/v1/projects/EVM-P1/evm?asOf=${asOf}`)
    expect(status).toBe(400)
    expect(body).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'query.asOf', message }] },
    })
  })

  it('answers 404 for an unknown project code', async () => {
    const { status, body } = await get('/api/v1/projects/EVM-NONE/evm')
    expect(status).toBe(404)
    expect(body).toMatchObject({ error: { code: 'project_not_found' } })
  })
})
