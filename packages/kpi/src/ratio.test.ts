import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ratio } from './ratio.ts'

describe('ratio', () => {
  it('divides finite numbers', () => {
    expect(ratio(3, 4)).toBe(0.75)
    expect(ratio(-1, 8)).toBe(-0.125)
    expect(ratio(0, 5)).toBe(0)
  })

  it('is null for a zero denominator, including 0/0', () => {
    expect(ratio(1, 0)).toBeNull()
    expect(ratio(0, 0)).toBeNull()
    expect(ratio(1, -0)).toBeNull()
  })

  it('is null when either side is not finite or is already n/a', () => {
    expect(ratio(Number.NaN, 1)).toBeNull()
    expect(ratio(1, Number.POSITIVE_INFINITY)).toBeNull()
    expect(ratio(Number.NEGATIVE_INFINITY, 2)).toBeNull()
    expect(ratio(null, 2)).toBeNull()
    expect(ratio(2, null)).toBeNull()
  })

  it('is null when the quotient overflows', () => {
    expect(ratio(1e308, 1e-308)).toBeNull()
  })

  it('never returns a non-finite number', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (a, b) => {
        const r = ratio(a, b)
        return r === null || Number.isFinite(r)
      }),
    )
  })
})
