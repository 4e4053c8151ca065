import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forecastFinish } from './evm-forecast.ts'

const year = { start: '2026-01-01', end: '2026-12-31' }

describe('forecastFinish', () => {
  it('stretches the planned duration by 1 / SPI', () => {
    // 365 days / 0.8 = 456.25 → 457 days from 1 Jan 2026: +365 is 1 Jan 2027, +91 more (Jan 31,
    // Feb 28, Mar 31, 1 day) → day 457 is 2 April 2027.
    expect(forecastFinish({ ...year, spi: 0.8 })).toBe('2027-04-02')
    // Ahead of plan: 365 / 1.25 = 292 days → 19 October 2026.
    expect(forecastFinish({ ...year, spi: 1.25 })).toBe('2026-10-19')
    expect(forecastFinish({ ...year, spi: 1 })).toBe('2026-12-31')
  })

  it('does not add a day for floating-point dust', () => {
    // 3 / 0.3 = 10.000000000000002 in floating point; 10 days from 1 June is 10 June.
    expect(forecastFinish({ start: '2026-06-01', end: '2026-06-03', spi: 0.3 })).toBe('2026-06-10')
  })

  it('is n/a without an SPI above 0, or past any showable date', () => {
    expect(forecastFinish({ ...year, spi: null })).toBeNull()
    expect(forecastFinish({ ...year, spi: 0 })).toBeNull()
    expect(forecastFinish({ ...year, spi: -0.5 })).toBeNull()
    expect(forecastFinish({ ...year, spi: 1e-12 })).toBeNull()
    expect(() => forecastFinish({ start: '2026-02-01', end: '2026-01-31', spi: 1 })).toThrow(
      RangeError,
    )
  })

  it('is later when SPI is lower, and at the end date when SPI is 1', () => {
    const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)))
    const spi = fc.double({ min: 0.05, max: 3, noNaN: true })
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 1800 }), spi, spi, (start, length, x, y) => {
        const end = new Date(start.getTime() + length * 86_400_000)
        const [low, high] = x <= y ? [x, y] : [y, x]
        const later = forecastFinish({ start, end, spi: low }) ?? ''
        const earlier = forecastFinish({ start, end, spi: high }) ?? ''
        expect(later >= earlier).toBe(true)
        expect(earlier >= start.toISOString().slice(0, 10)).toBe(true)
        expect(forecastFinish({ start, end, spi: 1 })).toBe(end.toISOString().slice(0, 10))
      }),
    )
  })
})
