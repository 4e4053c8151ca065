import { DEFAULT_RAG_THRESHOLDS } from '@opsdeck/kpi'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectMatches, loginAs, useClockedApp } from '../../../test/helpers.ts'
import { findProject } from '../project-ref.ts'
import { projectEvm } from './project-evm.ts'
import { ProjectEvm } from './schemas.ts'
import { insertProject } from './test-project.ts'

const ctx = useClockedApp(new Date('2026-06-01T12:00:00Z'))
let headers: Record<string, string>
const evmOf = async (code: string, asOf: string) => {
  const res = await ctx.app.request(`/api/v1/projects/${code}/evm?asOf=${asOf}`, { headers })
  const body: unknown = await res.json()
  expect(res.status, JSON.stringify(body)).toBe(200)
  return expectMatches(ProjectEvm, body)
}

// 2026 has 365 days: a linear £365k plan (no baseline) earns £1,000 a day, 100,000 pence.
const YEAR = { start: '2026-01-01', end: '2026-12-31' }
const MONTHS_TO_10_JAN = 10 / (365.25 / 12)

beforeAll(async () => {
  headers = (await loginAs(ctx, 'viewer')).headers
  const line = { category: 'cloud', spendType: 'opex', amount: 36_500_000 } as const
  // Q: 2% on 10 January, nothing spent.
  await insertProject(ctx.db, {
    code: 'EVM-Q',
    ...YEAR,
    lines: [line],
    progress: [{ day: '2026-01-10', percent: 2 }],
  })
  // R: £5k spent on 5 January, no progress.
  await insertProject(ctx.db, {
    code: 'EVM-R',
    ...YEAR,
    lines: [line],
    costs: [{ day: '2026-01-05', amount: 500_000, category: 'cloud', spendType: 'opex' }],
  })
  // F: 1 Jan – 31 Mar 2025 (90 days, £90k), finished at 100% on 31 March having cost £99k.
  const cost = (day: string, amount: number) =>
    ({ day, amount, category: 'hardware', spendType: 'capex' }) as const
  await insertProject(ctx.db, {
    code: 'EVM-F',
    start: '2025-01-01',
    end: '2025-03-31',
    lines: [{ category: 'hardware', spendType: 'capex', amount: 9_000_000 }],
    costs: [
      cost('2025-01-20', 3_000_000),
      cost('2025-02-20', 3_000_000),
      cost('2025-03-20', 3_900_000),
    ],
    progress: [
      { day: '2025-02-15', percent: 40 },
      { day: '2025-03-31', percent: 100 },
    ],
  })
  // Z: no budget lines, £1k spent, 50% done.
  await insertProject(ctx.db, {
    code: 'EVM-Z',
    ...YEAR,
    costs: [{ day: '2026-01-05', amount: 100_000, category: 'services', spendType: 'opex' }],
    progress: [{ day: '2026-01-06', percent: 50 }],
  })
})

describe('GET /api/v1/projects/:code/evm at the edges', () => {
  // PV 10 days = £10k; EV 2% × £365k = £7.3k; AC 0: CPI and everything from it n/a.
  // SPI 0.73; TCPI (365 − 7.3) / 365 = 0.98; finish ⌈365 / 0.73⌉ = 500 days → 15 May 2027.
  it('with no actuals yet: CPI, EAC, ETC, VAC n/a; burn 0 and no runway', async () => {
    const body = await evmOf('EVM-Q', '2026-01-10')
    expect(body.baseline).toBeNull()
    expect(body.original).toBeNull()
    expect(body.figures).toMatchObject({
      bac: 36_500_000,
      pv: 1_000_000,
      ev: 730_000,
      ac: 0,
      cv: 730_000,
      sv: -270_000,
      cpi: null,
      spi: 0.73,
      eac: null,
      eacAtypical: 35_770_000,
      eacCombined: null,
      etc: null,
      vac: null,
      tcpi: 0.98,
      percentComplete: 2,
      spentShare: 0,
      burnRate: { perMonth: 0, from: '2026-01-01' },
      runwayMonths: null,
      forecastFinish: '2027-05-15',
    })
    expect(body.figures.burnRate?.months).toBeCloseTo(MONTHS_TO_10_JAN, 12)
    expect(body.rag).toMatchObject({ status: 'red', reason: 'SPI 0.73 < 0.85' })
    expect(body.ragHistory).toEqual([
      { day: '2026-01-01', status: 'red', reason: 'SPI 0.00 < 0.85' },
    ])
    // Linear shares: 31 days of January, 28 of February; EV at asOf, nothing after its month.
    expect(body.monthly.slice(0, 2)).toEqual([
      { month: '2026-01', planned: 3_100_000, actual: 0 },
      { month: '2026-02', planned: 2_800_000, actual: 0 },
    ])
    expect(body.sCurve).toHaveLength(12)
    expect(body.sCurve[0]).toEqual({
      month: '2026-01',
      pv: 3_100_000,
      pvOriginal: null,
      ev: 730_000,
      ac: 0,
      eacForecast: null,
    })
    expect(body.sCurve[1]).toMatchObject({ ev: null, ac: null, eacForecast: null })
    expect(body.sCurve[11]).toMatchObject({ month: '2026-12', pv: 36_500_000 })
  })

  // EV 0 against AC £5k: CPI 0, so EAC n/a; atypical 5 + 365 = £370k; TCPI 365/360.
  // Burn £5k over 10 days = 10/30.4375 months: £15,218.75 a month; runway 360,000 / 15,218.75.
  it('with no progress yet: % complete n/a, EV 0, CPI 0', async () => {
    const body = await evmOf('EVM-R', '2026-01-10')
    expect(body.figures).toMatchObject({
      pv: 1_000_000,
      ev: 0,
      ac: 500_000,
      cpi: 0,
      spi: 0,
      eac: null,
      eacAtypical: 37_000_000,
      eacCombined: null,
      percentComplete: null,
      progressAsOf: null,
      burnRate: { perMonth: 1_521_875, from: '2026-01-01' },
      forecastFinish: null,
    })
    expect(body.figures.tcpi).toBeCloseTo(365 / 360, 12)
    expect(body.figures.spentShare).toBeCloseTo(5 / 365, 12)
    expect(body.figures.runwayMonths).toBeCloseTo(36_000_000 / 1_521_875, 12)
    expect(body.rag).toMatchObject({ status: 'red', reason: 'CPI 0.00 < 0.85' })
  })

  it('before the start: nothing planned, earned or spent; grey; no history', async () => {
    const body = await evmOf('EVM-Q', '2025-12-15')
    expect(body.figures).toMatchObject({
      pv: 0,
      ev: 0,
      ac: 0,
      cpi: null,
      spi: null,
      eac: null,
      tcpi: 1,
      percentComplete: null,
      burnRate: null,
      runwayMonths: null,
      forecastFinish: null,
    })
    expect(body.rag).toMatchObject({ status: 'grey', reason: 'not enough data' })
    expect(body.ragHistory).toEqual([])
    expect(body.sCurve).toHaveLength(12)
    for (const point of body.sCurve) {
      expect(point).toMatchObject({ ev: null, ac: null, eacForecast: null })
    }
  })

  // PV = BAC £90k after the end; EV 100% = £90k; AC £99k: CPI 0.909, EAC £99k, ETC 0, VAC −£9k,
  // TCPI 0 / −9k = 0. Burn window 16 Feb – 15 May: £30k + £39k over 3 months = £23k a month.
  it('after the end at 100%: finished on time, over budget, amber', async () => {
    const body = await evmOf('EVM-F', '2025-05-15')
    expect(body.figures).toMatchObject({
      bac: 9_000_000,
      pv: 9_000_000,
      ev: 9_000_000,
      ac: 9_900_000,
      sv: 0,
      spi: 1,
      eac: 9_900_000,
      eacAtypical: 9_900_000,
      eacCombined: 9_900_000,
      etc: 0,
      vac: -900_000,
      tcpi: 0,
      spentShare: 1.1,
      burnRate: { perMonth: 2_300_000, from: '2025-02-16', months: 3 },
      runwayMonths: 0,
      forecastFinish: '2025-03-31',
    })
    expect(Object.is(body.figures.tcpi, -0)).toBe(false)
    expect(body.rag).toMatchObject({ status: 'amber', reason: 'CPI 0.91 < 0.95' })
    // Red from the first day (nothing earned), through CPI 0 and SPI 0.78 (15 Feb: 40% of 90k
    // against 46 days' PV), until 100% on 31 March.
    expect(body.ragHistory).toEqual([
      { day: '2025-01-01', status: 'red', reason: 'SPI 0.00 < 0.85' },
      { day: '2025-03-31', status: 'amber', reason: 'CPI 0.91 < 0.95' },
    ])
    // To asOf's month, past the end; the EAC line has no months left to run over.
    expect(body.sCurve.map((p) => [p.month, p.pv, p.ev, p.ac, p.eacForecast])).toEqual([
      ['2025-01', 3_100_000, 0, 3_000_000, null],
      ['2025-02', 5_900_000, 3_600_000, 6_000_000, null],
      ['2025-03', 9_000_000, 9_000_000, 9_900_000, null],
      ['2025-04', 9_000_000, 9_000_000, 9_900_000, null],
      ['2025-05', 9_000_000, 9_000_000, 9_900_000, null],
    ])
  })

  // BAC 0: PV, EV 0; AC £1k: CPI 0, SPI 0/0, EAC 0/0, % spent 1k/0 all n/a; runway 0.
  it('with a zero budget: n/a wherever it divides, never NaN or Infinity', async () => {
    const body = await evmOf('EVM-Z', '2026-01-10')
    expect(body.figures).toMatchObject({
      bac: 0,
      pv: 0,
      ev: 0,
      ac: 100_000,
      cpi: 0,
      spi: null,
      eac: null,
      eacAtypical: 100_000,
      eacCombined: null,
      etc: null,
      vac: null,
      tcpi: 0,
      spentShare: null,
      percentComplete: 50,
      runwayMonths: 0,
      forecastFinish: null,
    })
    expect(body.categories).toEqual([
      {
        category: 'services',
        budget: 0,
        actual: 100_000,
        capex: { budget: 0, actual: 0 },
        opex: { budget: 0, actual: 100_000 },
      },
    ])
    // JSON would print NaN as null: look at the numbers before they are sent.
    const project = await findProject(ctx.db, 'EVM-Z')
    if (!project) throw new Error('EVM-Z is missing')
    const org = { currency: 'GBP', ragThresholds: DEFAULT_RAG_THRESHOLDS }
    const direct = await projectEvm(ctx.db, { project, asOf: '2026-01-10', org })
    expect(nonFinite(direct)).toEqual([])
  })
})

/** Paths of every number that is NaN or ±Infinity. */
function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`))
}
