import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BURN_RATE_RULES,
  BURN_WINDOW_MINUTES,
  BURN_WINDOWS,
  type BurnWindow,
  SLO_WINDOW_DAYS,
  burnRate,
  burnRateThreshold,
  burnRates,
  evaluateBurnRateAlerts,
} from './burn-rate.ts'
import { KPI_DEFINITIONS } from './definitions.ts'
import { errorBudget } from './slo.ts'

const counts = (up: number, down: number, degraded = 0, maintenance = 0) => ({
  up,
  degraded,
  down,
  maintenance,
})
const rule = (id: string) => BURN_RATE_RULES.find((r) => r.id === id)!

describe('burnRate', () => {
  it('divides the down share by the share the SLO allows', () => {
    // 99.9%: 1 − 0.999 = 0.001 may fail. An hour of minute checks, 12 down: 12 / 60 = 0.2 → 200.
    expect(burnRate(counts(48, 12), 0.999)).toBeCloseTo(200, 9)
    // Degraded is good, maintenance is neither: 50 up + 8 degraded + 2 down (+ 30 maintenance)
    // → 2 / 60 = 0.0333 over 0.001 = 33.33.
    expect(burnRate(counts(50, 2, 8, 30), 0.999)).toBeCloseTo(100 / 3, 9)
    // 99.5%: 0.005 may fail; 1 down in 1,000 = 0.001 → 0.2.
    expect(burnRate(counts(999, 1), 0.995)).toBeCloseTo(0.2, 12)
    expect(burnRate(counts(60, 0), 0.999)).toBe(0)
  })

  it('is no data when nothing was in scope', () => {
    expect(burnRate(counts(0, 0), 0.999)).toBeNull()
    expect(burnRate(counts(0, 0, 0, 60), 0.999)).toBeNull()
  })

  it('rejects targets without a budget and negative counts', () => {
    expect(() => burnRate(counts(1, 0), 1)).toThrow(RangeError)
    expect(() => burnRate(counts(-1, 0), 0.999)).toThrow(RangeError)
  })

  it('agrees with errorBudget’s burn rate when every interval has a sample', () => {
    // 30 days of minute checks at 99.9%, 86 of the 43,200 down: both give 86 / 43,200 / 0.001.
    const budget = errorBudget({
      target: 0.999,
      windowMinutes: 43_200,
      consumedMinutes: 86,
      elapsedMinutes: 43_200,
      now: new Date('2026-12-01T00:00Z'),
    })
    expect(burnRate(counts(43_200 - 86, 86), 0.999)).toBeCloseTo(budget.burnRate!, 12)
  })

  it('does not change when every count is scaled', () => {
    const n = fc.integer({ min: 0, max: 100_000 })
    fc.assert(
      fc.property(n, n, n, fc.integer({ min: 2, max: 50 }), (up, down, degraded, k) => {
        const a = burnRate(counts(up, down, degraded), 0.99)
        const b = burnRate(counts(up * k, down * k, degraded * k), 0.99)
        return a === null ? b === null : Math.abs(a - (b ?? NaN)) <= 1e-9 * Math.max(1, a)
      }),
    )
  })
})

describe('burnRateThreshold', () => {
  it('is budget share × SLO window hours / long window hours', () => {
    const at = (days: number) => BURN_RATE_RULES.map((r) => burnRateThreshold(r, days))
    // 30 days = 720 h: 2% × 720 / 1 = 14.4; 5% × 720 / 6 = 6; 10% × 720 / 24 = 3; 10% × 720 / 72 = 1.
    expect(at(30)).toEqual([14.4, 6, 3, 1])
    // 7 days = 168 h: 3.36, 1.4, 0.7, 0.2333.
    expect(at(7)).toEqual([3.36, 1.4, 0.7, 168 / 720])
    // 28 days = 672 h: 13.44, 5.6, 2.8, 0.9333.
    expect(at(28)).toEqual([13.44, 5.6, 2.8, 672 / 720])
    // 90 days = 2,160 h: 43.2, 18, 9, 3.
    expect(at(90)).toEqual([43.2, 18, 9, 3])
    expect(() => burnRateThreshold(rule('1h/5m'), 0)).toThrow(RangeError)
  })

  it('scales with the SLO window', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BURN_RATE_RULES), fc.integer({ min: 1, max: 400 }), (r, d) => {
        const t = burnRateThreshold(r, d)
        return Math.abs(t - burnRateThreshold(r, 1) * d) <= 1e-9 * t
      }),
    )
  })
})

const quiet: Record<BurnWindow, number | null> = {
  '5m': 0,
  '30m': 0,
  '1h': 0,
  '2h': 0,
  '6h': 0,
  '24h': 0,
  '3d': 0,
}

describe('evaluateBurnRateAlerts', () => {
  it('fires every rule after an hour of 20% failures at 99.9% over 30 days', () => {
    // Minute checks; the last hour had 12 of 60 down (one in five, so 1 of the last 5 minutes,
    // 6 of the last 30); nothing failed before that.
    const downIn: Record<BurnWindow, number> = {
      '5m': 1, // 1 / 5 = 0.2; 0.2 / 0.001 = 200
      '30m': 6, // 6 / 30 → 200
      '1h': 12, // 12 / 60 → 200
      '2h': 12, // 12 / 120 = 0.1 → 100
      '6h': 12, // 12 / 360 → 33.3
      '24h': 12, // 12 / 1,440 → 8.33
      '3d': 12, // 12 / 4,320 → 2.78
    }
    const byWindow = Object.fromEntries(
      BURN_WINDOWS.map((w) => [w, counts(BURN_WINDOW_MINUTES[w] - downIn[w], downIn[w])]),
    ) as Record<BurnWindow, ReturnType<typeof counts>>
    const rates = burnRates(byWindow, 0.999)
    const alerts = evaluateBurnRateAlerts({ target: 0.999, windowDays: 30, rates })
    // 200 and 200 ≥ 14.4; 33.3 and 200 ≥ 6; 8.33 and 100 ≥ 3; 2.78 and 33.3 ≥ 1.
    expect(alerts.map((a) => a.rule)).toEqual(['1h/5m', '6h/30m', '24h/2h', '3d/6h'])
    expect(alerts[0]).toEqual({
      rule: '1h/5m',
      severity: 'page',
      threshold: 14.4,
      longBurnRate: rates['1h'],
      shortBurnRate: rates['5m'],
    })
    expect(alerts[0]!.longBurnRate).toBeCloseTo(200, 9)
    expect(alerts[2]).toMatchObject({ threshold: 3, longBurnRate: rates['24h'] })
    expect(alerts[2]!.longBurnRate).toBeCloseTo(25 / 3, 9)
    expect(alerts[3]).toMatchObject({ severity: 'ticket', threshold: 1 })
  })

  it('stays quiet once the short window has recovered', () => {
    // Same hour, but the last 5 minutes were clean: the 1 h rate 200 is not confirmed (5 m = 0);
    // the 6 h rule still fires on 33.3 and a 30-minute rate of 3 / 30 / 0.001 = 100.
    const rates = { ...quiet, '1h': 200, '5m': 0, '6h': 33.3, '30m': 100 }
    const alerts = evaluateBurnRateAlerts({ target: 0.999, windowDays: 30, rates })
    expect(alerts.map((a) => a.rule)).toEqual(['6h/30m'])
  })

  it('opens a ticket on a slow burn that no page would catch', () => {
    // 0.15% of checks down for three days at 99.9%: 0.0015 / 0.001 = 1.5 in every window.
    // 3d and 6h: 1.5 ≥ 1 fires; 24h: 1.5 < 3 does not; the pages need 6 and 14.4.
    const rates = Object.fromEntries(BURN_WINDOWS.map((w) => [w, 1.5])) as Record<
      BurnWindow,
      number
    >
    const alerts = evaluateBurnRateAlerts({ target: 0.999, windowDays: 30, rates })
    expect(alerts).toEqual([
      { rule: '3d/6h', severity: 'ticket', threshold: 1, longBurnRate: 1.5, shortBurnRate: 1.5 },
    ])
    // Over a 7-day SLO window the same burn spends the budget 4.3× faster: 1.5 ≥ 1.4 (6h/30m)
    // pages, 1.5 ≥ 0.7 and 0.2333 ticket.
    const week = evaluateBurnRateAlerts({ target: 0.999, windowDays: 7, rates })
    expect(week.map((a) => a.rule)).toEqual(['6h/30m', '24h/2h', '3d/6h'])
  })

  it('fires on the threshold itself, within floating-point rounding', () => {
    // 99.9%, 1.44% down: 0.0144 / (1 − 0.999) = 14.399999999999986, taken as 14.4.
    const rate = burnRate(counts(9856, 144), 0.999)!
    expect(rate).toBeLessThan(14.4)
    const rates = { ...quiet, '1h': rate, '5m': rate }
    expect(evaluateBurnRateAlerts({ target: 0.999, windowDays: 30, rates })).toHaveLength(1)
    const below = { ...quiet, '1h': 14.39, '5m': 20 }
    expect(evaluateBurnRateAlerts({ target: 0.999, windowDays: 30, rates: below })).toEqual([])
  })

  it('fires nothing on windows without data', () => {
    const rates = { ...quiet, '1h': 500, '5m': null }
    expect(evaluateBurnRateAlerts({ target: 0.999, windowDays: 30, rates })).toEqual([])
  })

  it('never pages a 95% service over 90 days from the 1 h rule: 43.2 is above a total outage', () => {
    // 1 / (1 − 0.95) = 20 is the most any window can burn.
    const all = burnRate(counts(0, 60), 0.95)!
    expect(all).toBeCloseTo(20, 9)
    const rates = Object.fromEntries(BURN_WINDOWS.map((w) => [w, all])) as Record<
      BurnWindow,
      number
    >
    const alerts = evaluateBurnRateAlerts({ target: 0.95, windowDays: 90, rates })
    // 6h/30m needs 18 ≤ 20, the tickets 9 and 3: they fire.
    expect(alerts.map((a) => a.rule)).toEqual(['6h/30m', '24h/2h', '3d/6h'])
  })

  const target = fc.constantFrom(0.9, 0.95, 0.99, 0.995, 0.999, 0.9999)
  const windowDays = fc.constantFrom(...SLO_WINDOW_DAYS)
  const count = fc.integer({ min: 0, max: 10_000 })

  it('fires nothing when no sample was down', () => {
    fc.assert(
      fc.property(
        target,
        windowDays,
        fc.array(fc.tuple(count, count, count), { minLength: 7, maxLength: 7 }),
        (t, d, cs) => {
          const byWindow = Object.fromEntries(
            BURN_WINDOWS.map((w, i) => [w, counts(cs[i]![0], 0, cs[i]![1], cs[i]![2])]),
          ) as Record<BurnWindow, ReturnType<typeof counts>>
          return (
            evaluateBurnRateAlerts({ target: t, windowDays: d, rates: burnRates(byWindow, t) })
              .length === 0
          )
        },
      ),
    )
  })

  it('keeps firing when every burn rate grows', () => {
    const rate = fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: null })
    fc.assert(
      fc.property(
        target,
        windowDays,
        fc.array(rate, { minLength: 7, maxLength: 7 }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        (t, d, rs, k) => {
          const rates = Object.fromEntries(BURN_WINDOWS.map((w, i) => [w, rs[i]!])) as Record<
            BurnWindow,
            number | null
          >
          const scaled = Object.fromEntries(
            BURN_WINDOWS.map((w, i) => [w, rs[i] === null ? null : rs[i]! * k]),
          ) as Record<BurnWindow, number | null>
          const before = evaluateBurnRateAlerts({ target: t, windowDays: d, rates }).map(
            (a) => a.rule,
          )
          const after = evaluateBurnRateAlerts({ target: t, windowDays: d, rates: scaled }).map(
            (a) => a.rule,
          )
          return before.every((r) => after.includes(r))
        },
      ),
    )
  })
})

describe('definitions', () => {
  it('state the 30-day thresholds the code uses', () => {
    const text = KPI_DEFINITIONS.burnRateAlerts.formula + KPI_DEFINITIONS.burnRateAlerts.notes
    for (const r of BURN_RATE_RULES) {
      expect(text).toContain(`${r.long} ≥ ${burnRateThreshold(r, 30)} confirmed over ${r.short}`)
    }
  })
})
