import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mean, quantile, sortNumbers } from './stats.ts'

describe('mean', () => {
  it('averages, and is n/a for nothing', () => {
    expect(mean([10, 20, 60])).toBe(30)
    expect(mean([])).toBeNull()
  })
})

describe('quantile (linear between order statistics)', () => {
  it('matches a hand-computed example', () => {
    // Sorted [10, 20, 30, 40, 100], n = 5.
    // median: h = 4 × 0.5 = 2 → x[2] = 30.
    // p90: h = 4 × 0.9 = 3.6 → x[3] + 0.6 × (x[4] − x[3]) = 40 + 0.6 × 60 = 76.
    // p25: h = 1 → 20. p0 = 10, p100 = 100.
    const xs = [10, 20, 30, 40, 100]
    expect(quantile(xs, 0.5)).toBe(30)
    expect(quantile(xs, 0.9)).toBeCloseTo(76, 12)
    expect(quantile(xs, 0.25)).toBe(20)
    expect(quantile(xs, 0)).toBe(10)
    expect(quantile(xs, 1)).toBe(100)
  })

  it('interpolates the median of an even count', () => {
    // [1, 2, 3, 4]: h = 1.5 → 2 + 0.5 × 1 = 2.5 (nearest-rank would say 2).
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5)
  })

  it('returns the only value of a single-element list, and null for an empty one', () => {
    expect(quantile([42], 0.9)).toBe(42)
    expect(quantile([], 0.5)).toBeNull()
  })

  it('rejects q outside [0, 1]', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError)
    expect(() => quantile([1], Number.NaN)).toThrow(RangeError)
  })

  it('stays between min and max and never decreases in q', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, a, b) => {
          const xs = sortNumbers(values)
          const [q1, q2] = a <= b ? [a, b] : [b, a]
          const v1 = quantile(xs, q1) ?? Number.NaN
          const v2 = quantile(xs, q2) ?? Number.NaN
          const min = xs[0] ?? 0
          const max = xs[xs.length - 1] ?? 0
          return v1 <= v2 + 1e-9 && v1 >= min - 1e-9 && v2 <= max + 1e-9
        },
      ),
    )
  })
})
