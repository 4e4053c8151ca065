import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  evm,
  forecastCost,
  plannedValue,
  plannedValueFromBaseline,
  plannedValueLinear,
} from './evm.ts'

describe('evm', () => {
  it('matches the worked example of an overrunning project', () => {
    // BAC £100,000, 40% complete, AC £50,000, PV £45,000 (all in pence):
    // EV = 0.4 × 10,000,000 = 4,000,000; CV = −1,000,000; SV = −500,000;
    // CPI = 4.0/5.0 = 0.8; SPI = 4.0/4.5 = 0.8889; EAC = 10,000,000 / 0.8 = 12,500,000;
    // ETC = 7,500,000; VAC = −2,500,000; atypical EAC = 5,000,000 + 6,000,000 = 11,000,000;
    // combined EAC = 5,000,000 + 6,000,000 / (0.8 × 0.8889 = 0.7111) = 5,000,000 + 8,437,500
    // = 13,437,500; TCPI = 6,000,000 / 5,000,000 = 1.2.
    const r = evm({ bac: 10_000_000, percentComplete: 0.4, ac: 5_000_000, pv: 4_500_000 })
    expect(r).toMatchObject({
      bac: 10_000_000,
      pv: 4_500_000,
      ev: 4_000_000,
      ac: 5_000_000,
      cv: -1_000_000,
      sv: -500_000,
      eac: 12_500_000,
      eacAtypical: 11_000_000,
      eacCombined: 13_437_500,
      etc: 7_500_000,
      vac: -2_500_000,
    })
    expect(r.cpi).toBeCloseTo(0.8, 12)
    expect(r.spi).toBeCloseTo(0.8889, 4)
    expect(r.tcpi).toBeCloseTo(1.2, 12)
  })

  it('matches a project running ahead and under budget', () => {
    // BAC £200,000, 50% → EV 10,000,000; AC 9,500,000; PV 9,000,000.
    // CPI = 10/9.5 = 1.0526; SPI = 10/9 = 1.1111; EAC = 20,000,000 / 1.0526 = 19,000,000;
    // ETC 9,500,000; VAC +1,000,000; atypical 9,500,000 + 10,000,000 = 19,500,000;
    // combined 9,500,000 + 10,000,000 × 0.855 = 18,050,000;
    // TCPI = 10,000,000 / 10,500,000 = 0.9524.
    const r = evm({ bac: 20_000_000, percentComplete: 0.5, ac: 9_500_000, pv: 9_000_000 })
    expect(r.cpi).toBeCloseTo(1.0526, 4)
    expect(r.spi).toBeCloseTo(1.1111, 4)
    expect(r.eac).toBe(19_000_000)
    expect(r.etc).toBe(9_500_000)
    expect(r.vac).toBe(1_000_000)
    expect(r.eacAtypical).toBe(19_500_000)
    expect(r.eacCombined).toBe(18_050_000)
    expect(r.tcpi).toBeCloseTo(0.9524, 4)
  })

  it('rounds money to whole pence and leaves indices unrounded', () => {
    // EV = 0.333 × 1,000,001 = 333,000.333 → 333,000; CPI = 333,000 / 500,000 = 0.666;
    // EAC = 1,000,001 / 0.666 = 1,501,502.50… → 1,501,503 (rounded from the unrounded CPI).
    const r = evm({ bac: 1_000_001, percentComplete: 0.333, ac: 500_000, pv: 400_000 })
    expect(r.ev).toBe(333_000)
    expect(r.cpi).toBe(0.666)
    expect(r.eac).toBe(1_501_503)
    expect(r.etc).toBe(1_001_503)
    expect(r.vac).toBe(-501_502)
  })

  it('is n/a, never Infinity or NaN, before any money is spent or planned', () => {
    // BAC £50,000, nothing done, spent or planned: CPI, SPI and everything from them are n/a;
    // atypical EAC = 0 + 5,000,000; TCPI = 5,000,000 / 5,000,000 = 1.
    const r = evm({ bac: 5_000_000, percentComplete: 0, ac: 0, pv: 0 })
    expect(r).toEqual({
      bac: 5_000_000,
      pv: 0,
      ev: 0,
      ac: 0,
      cv: 0,
      sv: 0,
      cpi: null,
      spi: null,
      eac: null,
      eacAtypical: 5_000_000,
      eacCombined: null,
      etc: null,
      vac: null,
      tcpi: 1,
    })
  })

  it('gives no EAC when spent but no value earned yet (CPI 0)', () => {
    const r = evm({ bac: 1_000_000, percentComplete: 0, ac: 200_000, pv: 100_000 })
    expect(r.cpi).toBe(0)
    expect(r.spi).toBe(0)
    expect(r.eac).toBeNull()
    expect(r.eacCombined).toBeNull()
    expect(r.vac).toBeNull()
  })

  it('gives no TCPI once the whole budget is spent', () => {
    expect(evm({ bac: 1000, percentComplete: 0.9, ac: 1000, pv: 1000 }).tcpi).toBeNull()
  })

  it('rejects a percent complete outside [0, 1] and non-finite money', () => {
    expect(() => evm({ bac: 100, percentComplete: 40, ac: 0, pv: 0 })).toThrow(RangeError)
    expect(() => evm({ bac: Number.NaN, percentComplete: 0.4, ac: 0, pv: 0 })).toThrow(RangeError)
  })

  it('never shows Infinity or NaN, and its money adds up', () => {
    const pence = fc.integer({ min: 0, max: 10_000_000_000 })
    fc.assert(
      fc.property(
        pence,
        pence,
        pence,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (bac, ac, pv, pc) => {
          const r = evm({ bac, ac, pv, percentComplete: pc })
          for (const v of Object.values(r)) if (v !== null && !Number.isFinite(v)) return false
          for (const v of [r.ev, r.eac, r.eacAtypical, r.eacCombined, r.etc, r.vac]) {
            if (v !== null && !Number.isInteger(v)) return false
          }
          if (r.eac !== null && (r.etc !== r.eac - ac || r.vac !== bac - r.eac)) return false
          return r.cv === r.ev - ac && r.sv === r.ev - pv
        },
      ),
    )
  })
})

describe('plannedValueLinear', () => {
  // BAC £120,000 over 2026-01-01 … 2026-12-31 inclusive (365 days).
  const plan = { bac: 12_000_000, start: '2026-01-01', end: '2026-12-31' }

  it('accrues by calendar day with both ends inclusive', () => {
    // 31 March: Jan 31 + Feb 28 + Mar 31 = 90 days → 12,000,000 × 90/365 = 2,958,904.1 → 2,958,904.
    expect(plannedValueLinear({ ...plan, asOf: '2026-03-31' })).toBe(2_958_904)
    // The first day counts: 12,000,000 / 365 = 32,876.7 → 32,877.
    expect(plannedValueLinear({ ...plan, asOf: '2026-01-01' })).toBe(32_877)
    expect(plannedValueLinear({ ...plan, asOf: '2026-12-31' })).toBe(12_000_000)
  })

  it('clamps to 0 before the start and BAC after the end', () => {
    expect(plannedValueLinear({ ...plan, asOf: '2025-12-31' })).toBe(0)
    expect(plannedValueLinear({ ...plan, asOf: '2027-06-01' })).toBe(12_000_000)
  })

  it('reads Dates by their UTC calendar day', () => {
    const asOf = new Date('2026-03-31T23:30:00Z')
    expect(plannedValueLinear({ ...plan, asOf })).toBe(2_958_904)
    const dates = { bac: 700, start: new Date('2026-06-01'), end: new Date('2026-06-07') }
    // One-week project, day 3 of 7 → 300.
    expect(plannedValueLinear({ ...dates, asOf: new Date('2026-06-03') })).toBe(300)
  })

  it('rejects impossible dates and a project ending before it starts', () => {
    expect(() => plannedValueLinear({ ...plan, asOf: '2026-02-30' })).toThrow(RangeError)
    expect(() => plannedValueLinear({ ...plan, asOf: '31/03/2026' })).toThrow(RangeError)
    expect(() => plannedValueLinear({ ...plan, end: '2025-12-01', asOf: '2026-01-02' })).toThrow(
      RangeError,
    )
  })
})

describe('plannedValueFromBaseline', () => {
  // Jan £10,000, Feb £20,000, Mar £31,000, Apr £10,000.
  const baseline = [
    { month: '2026-01', amount: 1_000_000 },
    { month: '2026-02-01', amount: 2_000_000 },
    { month: '2026-03', amount: 3_100_000 },
    { month: '2026-04', amount: 1_000_000 },
  ]

  it('sums the months before asOf and a pro-rata share of its month', () => {
    // 10 March: Jan + Feb = 3,000,000, plus 10/31 × 3,100,000 = 1,000,000 → 4,000,000.
    expect(plannedValueFromBaseline(baseline, '2026-03-10')).toBe(4_000_000)
    // 28 Feb (non-leap): 1,000,000 + 28/28 × 2,000,000 = 3,000,000.
    expect(plannedValueFromBaseline(baseline, '2026-02-28')).toBe(3_000_000)
    // 1 Jan: 1/31 × 1,000,000 = 32,258.06 → 32,258.
    expect(plannedValueFromBaseline(baseline, '2026-01-01')).toBe(32_258)
  })

  it('is 0 before the plan and the whole plan after it', () => {
    expect(plannedValueFromBaseline(baseline, '2025-12-31')).toBe(0)
    expect(plannedValueFromBaseline(baseline, new Date('2026-09-15'))).toBe(7_100_000)
    expect(plannedValueFromBaseline([], '2026-03-10')).toBe(0)
  })

  it('rejects a malformed month', () => {
    expect(() => plannedValueFromBaseline([{ month: '2026-3', amount: 1 }], '2026-03-10')).toThrow(
      RangeError,
    )
    expect(() =>
      plannedValueFromBaseline([{ month: '2026-03-15', amount: 1 }], '2026-03-10'),
    ).toThrow(RangeError)
  })
})

describe('plannedValue', () => {
  const project = { bac: 120_000, start: '2026-01-01', end: '2026-12-31' }
  it('reads the baseline plan when there is one', () => {
    // January in full, February pro rata 14/28 of 10,000.
    const baseline = [
      { month: '2026-01', amount: 20_000 },
      { month: '2026-02', amount: 10_000 },
    ]
    expect(plannedValue({ ...project, baseline, asOf: '2026-02-14' })).toBe(25_000)
  })
  it('spreads BAC linearly over the dates without one', () => {
    // 31 of 365 days → 120,000 × 31 / 365 = 10,191.78 → 10,192.
    expect(plannedValue({ ...project, baseline: [], asOf: '2026-01-31' })).toBe(10_192)
  })
})

describe('forecastCost', () => {
  it('is the typical EAC when there is one', () => {
    expect(forecastCost({ bac: 100_000, eac: 125_000 })).toBe(125_000)
  })
  it('is the budget while EAC is n/a (no cost yet)', () => {
    const figures = evm({ bac: 100_000, ac: 0, pv: 0, percentComplete: 0 })
    expect(figures.eac).toBeNull()
    expect(forecastCost(figures)).toBe(100_000)
  })
})
