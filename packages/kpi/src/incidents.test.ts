import { describe, expect, it } from 'vitest'
import { durationSummary, mtbf, mtta, mttd, mttr } from './incidents.ts'
import type { IncidentTimes } from './incidents.ts'

const t0 = Date.parse('2026-02-02T09:00:00Z')
const at = (minutes: number) => new Date(t0 + minutes * 60_000)

// Five resolved incidents (30, 45, 60, 90, 240 min) and one still open. Acknowledged after 5, 10
// and 15 min on three of them; detected after 2 and 4 min on two.
const incidents: IncidentTimes[] = [
  { startedAt: at(0), detectedAt: at(2), acknowledgedAt: at(5), resolvedAt: at(30) },
  { startedAt: at(100), detectedAt: at(104), acknowledgedAt: at(110), resolvedAt: at(145) },
  { startedAt: at(200), acknowledgedAt: at(215), resolvedAt: at(260) },
  { startedAt: at(300).toISOString(), resolvedAt: at(390).toISOString() },
  { startedAt: at(400), detectedAt: null, acknowledgedAt: null, resolvedAt: at(640) },
  { startedAt: at(700), acknowledgedAt: at(760) },
]

describe('mttr', () => {
  it('summarises resolved incidents only', () => {
    // Resolved: 30, 45, 60, 90, 240 → mean 465 / 5 = 93; median x[2] = 60;
    // p90: h = 4 × 0.9 = 3.6 → 90 + 0.6 × (240 − 90) = 180.
    const r = mttr(incidents)
    expect(r.count).toBe(5)
    expect(r.mean).toBe(93)
    expect(r.median).toBe(60)
    expect(r.p90).toBeCloseTo(180, 9)
  })

  it('is n/a with nothing resolved', () => {
    expect(mttr([{ startedAt: at(0) }])).toEqual({ mean: null, median: null, p90: null, count: 0 })
    expect(mttr([])).toEqual({ mean: null, median: null, p90: null, count: 0 })
  })
})

describe('mtta and mttd', () => {
  it('average over the incidents that reached the milestone', () => {
    // Acknowledged: 5, 10, 15 and 60 (the open one) → 90 / 4 = 22.5 min; median h = 1.5 →
    // 10 + 0.5 × 5 = 12.5; p90 h = 2.7 → 15 + 0.7 × 45 = 46.5. The count is the acknowledged four.
    const a = mtta(incidents)
    expect(a).toMatchObject({ mean: 22.5, median: 12.5, count: 4 })
    expect(a.p90).toBeCloseTo(46.5, 9)
    // Detected: 2 and 4 → 3 min.
    expect(mttd(incidents)).toMatchObject({ mean: 3, count: 2 })
  })

  it('is n/a when no incident reached it', () => {
    const none = { mean: null, median: null, p90: null, count: 0 }
    expect(mtta([{ startedAt: at(0) }])).toEqual(none)
    expect(mttd([])).toEqual(none)
  })

  it('rejects swapped or unreadable timestamps', () => {
    expect(() => mtta([{ startedAt: at(10), acknowledgedAt: at(5) }])).toThrow(RangeError)
    expect(() => mttr([{ startedAt: 'yesterday', resolvedAt: at(5) }])).toThrow(RangeError)
  })
})

describe('durationSummary', () => {
  it('interpolates the median of an even count', () => {
    // [10, 20, 40, 80]: median h = 1.5 → 20 + 0.5 × 20 = 30; p90 h = 2.7 → 40 + 0.7 × 40 = 68.
    const s = durationSummary([80, 10, 40, 20])
    expect(s.median).toBe(30)
    expect(s.p90).toBeCloseTo(68, 9)
    expect(s.mean).toBe(37.5)
  })
})

describe('mtbf', () => {
  it('divides operating time by failures', () => {
    // 30 days = 43,200 min, 300 min down, 3 failures → 42,900 / 3 = 14,300 min.
    expect(mtbf(43_200, 300, 3)).toBe(14_300)
  })

  it('is n/a with no failures and never negative', () => {
    expect(mtbf(43_200, 0, 0)).toBeNull()
    expect(mtbf(100, 150, 2)).toBe(0)
    expect(() => mtbf(100, -1, 1)).toThrow(RangeError)
  })
})
