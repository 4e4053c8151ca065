import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { periodChange } from './period-change.ts'

describe('a figure against the previous period', () => {
  it('moves a share by percentage points: uptime 99.95% → 99.93% is −0.02 points, worse', () => {
    const c = periodChange(0.9993, 0.9995, 'share', 'higher')
    expect(c.delta).toBeCloseTo(-0.02, 10)
    expect(c).toMatchObject({ relative: null, direction: 'down', verdict: 'worse' })
  })

  it('moves an amount by its difference and relative change: MTTR 60 → 42 min is −18, −30%', () => {
    expect(periodChange(42, 60, 'amount', 'lower')).toEqual({
      current: 42,
      previous: 60,
      delta: -18,
      relative: -0.3,
      direction: 'down',
      verdict: 'better',
    })
    // Spend is neither good nor bad news by itself.
    expect(periodChange(120, 100, 'amount', 'neither')).toMatchObject({
      relative: 0.2,
      verdict: 'neutral',
    })
  })

  it('from nothing the relative change is n/a, not Infinity; n/a periods give n/a', () => {
    expect(periodChange(3, 0, 'amount', 'lower')).toMatchObject({
      delta: 3,
      relative: null,
      direction: 'up',
      verdict: 'worse',
    })
    expect(periodChange(null, 0.99, 'share', 'higher')).toMatchObject({
      delta: null,
      direction: null,
      verdict: null,
    })
  })

  it('a difference below floating-point noise is no change', () => {
    expect(periodChange(0.1 + 0.2, 0.3, 'share', 'higher')).toMatchObject({
      delta: 0,
      direction: 'same',
      verdict: 'same',
    })
  })

  it('is antisymmetric: swapping the periods flips the delta and the verdict', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (a, b) => {
          const there = periodChange(a, b, 'amount', 'higher')
          const back = periodChange(b, a, 'amount', 'higher')
          expect((there.delta ?? 0) + (back.delta ?? 0)).toBeCloseTo(0, 6)
          if (there.verdict === 'better') expect(back.verdict).toBe('worse')
        },
      ),
    )
  })
})
