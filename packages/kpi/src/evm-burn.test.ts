import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { burnWindow, costBurnRate, runwayMonths } from './evm-burn.ts'

describe('burnWindow', () => {
  const start = '2025-01-01'
  it('starts the day after the same date three calendar months back', () => {
    // 31 Oct → 31 Jul → from 1 Aug; 15 Mar → 15 Dec → from 16 Dec of the year before.
    expect(burnWindow({ start, asOf: '2026-10-31' })).toEqual({ from: '2026-08-01', months: 3 })
    expect(burnWindow({ start, asOf: '2026-03-15' })).toEqual({ from: '2025-12-16', months: 3 })
    // 31 May → 31 Feb does not exist: 28 Feb, so from 1 March; in a leap year 29 Feb → 1 March.
    expect(burnWindow({ start, asOf: '2026-05-31' })).toEqual({ from: '2026-03-01', months: 3 })
    expect(burnWindow({ start, asOf: '2028-05-31' })).toEqual({ from: '2028-03-01', months: 3 })
    // 28 to 31 May all start on 1 March; a Date is read by its UTC day: 27 May → from 28 Feb.
    expect(burnWindow({ start, asOf: '2026-05-28' })?.from).toBe('2026-03-01')
    expect(burnWindow({ start, asOf: new Date('2026-05-27T23:30:00Z') })).toEqual({
      from: '2026-02-28',
      months: 3,
    })
  })

  it('starts at the project start when that is later, over average months', () => {
    // Started 2026-10-01, asOf 2026-10-31: 31 days / (365.25 / 12 = 30.4375) = 1.0185 months.
    const w = burnWindow({ start: '2026-10-01', asOf: '2026-10-31' })
    expect(w?.from).toBe('2026-10-01')
    expect(w?.months).toBeCloseTo(31 / 30.4375, 12)
    // Starting exactly on the window's first day is not a clip.
    expect(burnWindow({ start: '2026-08-01', asOf: '2026-10-31' })).toEqual({
      from: '2026-08-01',
      months: 3,
    })
    // The start day itself is one day.
    expect(burnWindow({ start: '2026-10-31', asOf: '2026-10-31' })?.months).toBeCloseTo(
      1 / 30.4375,
      12,
    )
  })

  it('is n/a before the project starts', () => {
    expect(burnWindow({ start: '2026-10-01', asOf: '2026-09-30' })).toBeNull()
  })

  it('covers 89 to 92 days, ending on asOf, never before the start', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2024, 0, 1 + n)))
    fc.assert(
      fc.property(day, day, (s, t) => {
        const w = burnWindow({ start: s, asOf: t })
        if (t < s) {
          expect(w).toBeNull()
          return
        }
        const from = Date.parse(w?.from ?? '')
        const days = (t.getTime() - from) / 86_400_000 + 1
        expect(from).toBeGreaterThanOrEqual(s.getTime())
        if (w?.months === 3) expect(days).toBeGreaterThanOrEqual(89)
        expect(days).toBeLessThanOrEqual(92)
      }),
    )
  })
})

describe('costBurnRate', () => {
  it('is pence per month, rounded', () => {
    // £10,000.01 over 3 months = 333,333.67 → 333,334 pence a month.
    expect(costBurnRate(1_000_001, 3)).toBe(333_334)
    expect(costBurnRate(0, 3)).toBe(0)
  })
  it('is n/a over no time', () => {
    expect(costBurnRate(500, 0)).toBeNull()
    expect(() => costBurnRate(500, -1)).toThrow(RangeError)
  })
})

describe('runwayMonths', () => {
  it('is what is left of the budget over the burn', () => {
    // (12,000,000 − 9,000,000) / 800,000 = 3.75 months.
    expect(runwayMonths({ bac: 12_000_000, ac: 9_000_000, burn: 800_000 })).toBe(3.75)
  })
  it('is 0 once the budget is spent, whatever the burn', () => {
    expect(runwayMonths({ bac: 100, ac: 100, burn: 10 })).toBe(0)
    expect(runwayMonths({ bac: 100, ac: 150, burn: null })).toBe(0)
    expect(runwayMonths({ bac: 0, ac: 0, burn: 0 })).toBe(0)
  })
  it('is n/a while nothing is being spent', () => {
    expect(runwayMonths({ bac: 100, ac: 10, burn: 0 })).toBeNull()
    expect(runwayMonths({ bac: 100, ac: 10, burn: null })).toBeNull()
    // Net credits in the window (a refund larger than the spend).
    expect(runwayMonths({ bac: 100, ac: 10, burn: -5 })).toBeNull()
  })
})
