import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { errorBudget, errorBudgetFromSamples, sloAttainment, tierSloHealth } from './slo.ts'

const now = new Date('2026-03-11T00:00:00Z')
const DAY = 1440

describe('errorBudget', () => {
  it('projects exhaustion at the current burn rate', () => {
    // 99.9% over 30 days: W = 43,200 min, allowed = 0.001 × 43,200 = 43.2 min.
    // Day 10 (elapsed 14,400 min), 21.6 min down: remaining 21.6 (50%);
    // burn = (21.6 / 14,400) / 0.001 = 1.5; at 0.0015 min/min the 21.6 min last 14,400 min
    // = 10 more days → exhausted on day 20 (= W / burn = 28,800 min from the start).
    const b = errorBudget({
      target: 0.999,
      windowMinutes: 30 * DAY,
      consumedMinutes: 21.6,
      elapsedMinutes: 10 * DAY,
      now,
    })
    expect(b.allowedMinutes).toBeCloseTo(43.2, 9)
    expect(b.consumedMinutes).toBe(21.6)
    expect(b.remainingMinutes).toBeCloseTo(21.6, 9)
    expect(b.remainingShare).toBeCloseTo(0.5, 9)
    expect(b.burnRate).toBeCloseTo(1.5, 9)
    expect(b.exhaustsAt?.getTime()).toBeCloseTo(new Date('2026-03-21T00:00:00Z').getTime(), -3)
  })

  it('reports an overspent budget as negative and exhausted now', () => {
    // 99.9% over 30 days, 50 min down after 15 days: remaining 43.2 − 50 = −6.8 min
    // (−15.7%); burn = (50 / 21,600) / 0.001 = 2.3148.
    const b = errorBudget({
      target: 0.999,
      windowMinutes: 30 * DAY,
      consumedMinutes: 50,
      elapsedMinutes: 15 * DAY,
      now,
    })
    expect(b.remainingMinutes).toBeCloseTo(-6.8, 9)
    expect(b.remainingShare).toBeCloseTo(-6.8 / 43.2, 9)
    expect(b.burnRate).toBeCloseTo(2.3148, 4)
    expect(b.exhaustsAt).toBe(now)
  })

  it('does not project exhaustion when nothing is burning', () => {
    const b = errorBudget({
      target: 0.995,
      windowMinutes: 7 * DAY,
      consumedMinutes: 0,
      elapsedMinutes: 3 * DAY,
      now,
    })
    // 0.5% of 10,080 min = 50.4 min, all remaining.
    expect(b.allowedMinutes).toBeCloseTo(50.4, 9)
    expect(b.remainingShare).toBeCloseTo(1, 12)
    expect(b.burnRate).toBe(0)
    expect(b.exhaustsAt).toBeNull()
  })

  it('is n/a where it would divide by zero', () => {
    // Nothing elapsed: no rate. Target 100%: no budget, so no share and no burn rate.
    const start = errorBudget({
      target: 0.999,
      windowMinutes: DAY,
      consumedMinutes: 0,
      elapsedMinutes: 0,
      now,
    })
    expect(start.burnRate).toBeNull()
    expect(start.exhaustsAt).toBeNull()
    const perfect = errorBudget({
      target: 1,
      windowMinutes: DAY,
      consumedMinutes: 0,
      elapsedMinutes: 60,
      now,
    })
    expect(perfect.allowedMinutes).toBe(0)
    expect(perfect.remainingShare).toBeNull()
    expect(perfect.burnRate).toBeNull()
    expect(perfect.exhaustsAt).toBeNull()
    const perfectMissed = errorBudget({
      target: 1,
      windowMinutes: DAY,
      consumedMinutes: 1,
      elapsedMinutes: 60,
      now,
    })
    expect(perfectMissed.exhaustsAt).toBe(now)
  })

  it('treats elapsed beyond the window as the whole window', () => {
    const b = errorBudget({
      target: 0.99,
      windowMinutes: 1000,
      consumedMinutes: 5,
      elapsedMinutes: 1200,
      now,
    })
    // (5 / 1000) / 0.01 = 0.5
    expect(b.burnRate).toBeCloseTo(0.5, 12)
  })

  it('rejects nonsense inputs', () => {
    const base = { target: 0.99, windowMinutes: 100, consumedMinutes: 0, elapsedMinutes: 0, now }
    expect(() => errorBudget({ ...base, target: 1.5 })).toThrow(RangeError)
    expect(() => errorBudget({ ...base, windowMinutes: 0 })).toThrow(RangeError)
    expect(() => errorBudget({ ...base, consumedMinutes: -1 })).toThrow(RangeError)
    expect(() => errorBudget({ ...base, elapsedMinutes: Number.NaN })).toThrow(RangeError)
  })

  it('projects exhaustion W / burnRate after the window started', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.9, max: 0.9999, noNaN: true }),
        fc.integer({ min: 60, max: 90 * DAY }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (target, windowMinutes, elapsedShare, spentShare) => {
          const elapsedMinutes = windowMinutes * elapsedShare
          const consumedMinutes = (1 - target) * windowMinutes * spentShare
          const b = errorBudget({ target, windowMinutes, consumedMinutes, elapsedMinutes, now })
          if (b.burnRate === null || b.exhaustsAt === null) return false
          const fromStart = (b.exhaustsAt.getTime() - now.getTime()) / 60_000 + elapsedMinutes
          return Math.abs(fromStart - windowMinutes / b.burnRate) <= 1e-6 * windowMinutes
        },
      ),
    )
  })
})

describe('sloAttainment', () => {
  it('meets the target with a positive margin', () => {
    // 99.95% against 99.9% → met, margin +0.05 points (0.0005).
    const a = sloAttainment(0.9995, 0.999)
    expect(a?.met).toBe(true)
    expect(a?.margin).toBeCloseTo(0.0005, 12)
  })

  it('misses with a negative margin', () => {
    const a = sloAttainment(0.998, 0.999)
    expect(a?.met).toBe(false)
    expect(a?.margin).toBeCloseTo(-0.001, 12)
  })

  it('counts an exact hit as met', () => {
    // 999/1000 against 0.999, and 1 − 0.001 which is not bit-identical to 0.999.
    expect(sloAttainment(999 / 1000, 0.999)?.met).toBe(true)
    expect(sloAttainment(1 - 0.001, 0.999)?.met).toBe(true)
  })

  it('is n/a without data', () => {
    expect(sloAttainment(null, 0.999)).toBeNull()
  })
})

describe('tierSloHealth', () => {
  it('meets when no service with data breaches its SLO', () => {
    expect(tierSloHealth({ meeting: 13, breaching: 0 })).toBe('meeting')
  })
  it('is partly met when some services breach and some meet', () => {
    // The case a pooled uptime hides: 11 services at 100% lift two breaching ones above target.
    expect(tierSloHealth({ meeting: 11, breaching: 2 })).toBe('partly')
  })
  it('breaches when no service meets', () => {
    expect(tierSloHealth({ meeting: 0, breaching: 3 })).toBe('breaching')
  })
  it('has no data when no service has any', () => {
    expect(tierSloHealth({ meeting: 0, breaching: 0 })).toBe('no-data')
  })
})

describe('errorBudgetFromSamples', () => {
  const base = { target: 0.999, windowMinutes: 30 * DAY, elapsedMinutes: 30 * DAY, now }

  it('charges each down sample one check interval', () => {
    // 99.9% over 30 days allows 43.2 min. 43,000 one-minute checks in scope, 12 down: 12 min
    // consumed, 31.2 left (72.2%); burn rate (12 / 43,200) / 0.001 = 0.2777…; at 12 min per
    // 43,200 elapsed the 31.2 min last 31.2 × 3,600 min = 78 days.
    const b = errorBudgetFromSamples({ ...base, down: 12, counted: 43_000, intervalSeconds: 60 })
    expect(b.consumedMinutes).toBe(12)
    expect(b.remainingMinutes).toBeCloseTo(31.2, 9)
    expect(b.remainingShare).toBeCloseTo(31.2 / 43.2, 12)
    expect(b.burnRate).toBeCloseTo(12 / 43_200 / 0.001, 12)
    expect(b.exhaustsAt?.getTime()).toBe(now.getTime() + 78 * DAY * 60_000)
    // 30-second checks: 12 down are 6 minutes.
    const fast = errorBudgetFromSamples({ ...base, down: 12, counted: 80_000, intervalSeconds: 30 })
    expect(fast.consumedMinutes).toBe(6)
  })

  it('gives only the allowance for a window with no sample in scope', () => {
    // Nothing received, or every sample in maintenance: not "no downtime, budget untouched".
    const b = errorBudgetFromSamples({ ...base, down: 0, counted: 0, intervalSeconds: 60 })
    expect(b).toEqual({
      allowedMinutes: expect.closeTo(43.2, 9) as number,
      consumedMinutes: null,
      remainingMinutes: null,
      remainingShare: null,
      burnRate: null,
      exhaustsAt: null,
    })
    // One counted sample, up, is an observed window: the whole budget remains, burning at 0.
    const one = errorBudgetFromSamples({ ...base, down: 0, counted: 1, intervalSeconds: 60 })
    expect(one.remainingShare).toBeCloseTo(1, 12)
    expect(one.burnRate).toBe(0)
  })
})
