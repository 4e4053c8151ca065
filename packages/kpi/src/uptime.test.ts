import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { downtimeMinutes, uptime } from './uptime.ts'

describe('uptime', () => {
  it('counts degraded as up and maintenance as neither', () => {
    // A day of 1-minute checks: 1,440 expected; 1,380 up, 30 degraded, 10 down, 15 maintenance,
    // 5 missing. In scope = 1,380 + 30 + 10 = 1,420.
    // uptime = (1,380 + 30) / 1,420 = 0.992958 (99.30%); degraded share = 30 / 1,420 = 0.021127;
    // coverage = (1,420 + 15) / 1,440 = 0.996528.
    const r = uptime({ up: 1380, degraded: 30, down: 10, maintenance: 15, expected: 1440 })
    expect(r.uptime).toBeCloseTo(1410 / 1420, 12)
    expect(r.uptime).toBeCloseTo(0.992958, 6)
    expect(r.degradedShare).toBeCloseTo(0.021127, 6)
    expect(r.coverage).toBeCloseTo(0.996528, 6)
  })

  it('gives exact figures for round numbers', () => {
    // 999 up, 1 down → 99.9%.
    expect(uptime({ up: 999, degraded: 0, down: 1, maintenance: 0 }).uptime).toBe(0.999)
    expect(uptime({ up: 0, degraded: 0, down: 4, maintenance: 0 }).uptime).toBe(0)
  })

  it('reports no data rather than up when nothing was in scope', () => {
    const r = uptime({ up: 0, degraded: 0, down: 0, maintenance: 60, expected: 60 })
    expect(r).toEqual({ uptime: null, degradedShare: null, coverage: 1 })
    expect(uptime({ up: 0, degraded: 0, down: 0, maintenance: 0 })).toEqual({
      uptime: null,
      degradedShare: null,
      coverage: null,
    })
  })

  it('has no coverage without an expected count, or with zero expected', () => {
    expect(uptime({ up: 5, degraded: 0, down: 0, maintenance: 0 }).coverage).toBeNull()
    expect(uptime({ up: 5, degraded: 0, down: 0, maintenance: 0, expected: 0 }).coverage).toBeNull()
  })

  it('caps coverage at 100% when the probe over-delivered', () => {
    expect(uptime({ up: 62, degraded: 0, down: 0, maintenance: 0, expected: 60 }).coverage).toBe(1)
  })

  it('rejects negative or non-finite counts', () => {
    expect(() => uptime({ up: -1, degraded: 0, down: 0, maintenance: 0 })).toThrow(RangeError)
    expect(() => uptime({ up: 1, degraded: Number.NaN, down: 0, maintenance: 0 })).toThrow(
      RangeError,
    )
  })

  it('keeps uptime, degraded share and coverage in [0, 1]', () => {
    const count = fc.integer({ min: 0, max: 1_000_000 })
    fc.assert(
      fc.property(
        count,
        count,
        count,
        count,
        count,
        (up, degraded, down, maintenance, expected) => {
          const r = uptime({ up, degraded, down, maintenance, expected })
          for (const v of [r.uptime, r.degradedShare, r.coverage]) {
            if (v !== null && !(v >= 0 && v <= 1)) return false
          }
          return (r.uptime === null) === (up + degraded + down === 0)
        },
      ),
    )
  })

  it('never falls when a down sample becomes up', () => {
    const count = fc.integer({ min: 0, max: 10_000 })
    fc.assert(
      fc.property(count, count, fc.integer({ min: 1, max: 10_000 }), (up, degraded, down) => {
        const before = uptime({ up, degraded, down, maintenance: 0 }).uptime ?? 0
        const after = uptime({ up: up + 1, degraded, down: down - 1, maintenance: 0 }).uptime ?? 0
        return after >= before
      }),
    )
  })
})

describe('downtimeMinutes', () => {
  it('charges one check interval per down sample', () => {
    // 12 down samples at 60 s = 12 min; 7 at 30 s = 3.5 min.
    expect(downtimeMinutes({ down: 12, intervalSeconds: 60 })).toBe(12)
    expect(downtimeMinutes({ down: 7, intervalSeconds: 30 })).toBe(3.5)
    expect(downtimeMinutes({ down: 0, intervalSeconds: 60 })).toBe(0)
  })
})
