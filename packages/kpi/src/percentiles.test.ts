import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bucketLowerBound, histogramOf, mergeHistograms } from './histogram.ts'
import { percentile } from './percentiles.ts'
import { quantile, sortNumbers } from './stats.ts'

// A histogram with `counts` placed from bucket `first` on.
function histAt(first: number, counts: number[]): number[] {
  return [...new Array<number>(first).fill(0), ...counts]
}

// Seeded PRNG (mulberry32) and Box–Muller, so the "real-looking" latencies are reproducible.
function lognormalSamples(seed: number, n: number, medianMs: number, sigma: number): number[] {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
    out.push(medianMs * Math.exp(sigma * z))
  }
  return out
}

describe('percentile', () => {
  it('interpolates linearly inside the bucket holding the rank', () => {
    // 4 samples in bucket 49 [97.0172, 106.7190) and 6 in bucket 50 [106.7190, 117.3909); total 10.
    // p50: rank 5 → bucket 50, 1 of its 6 → 106.7190 + (1/6) × 10.6719 = 108.4976.
    // p20: rank 2 → bucket 49, 2 of its 4 → 97.0172 + 0.5 × 9.7017 = 101.8681.
    // p0 → the first bucket's lower bound 97.0172; p100 → the last bucket's upper bound 117.3909.
    const hist = histAt(49, [4, 6])
    expect(percentile(hist, 0.5)).toBeCloseTo(108.4976, 4)
    expect(percentile(hist, 0.2)).toBeCloseTo(101.8681, 4)
    expect(percentile(hist, 0)).toBeCloseTo(97.0172, 4)
    expect(percentile(hist, 1)).toBeCloseTo(117.3909, 4)
  })

  it('uses the observed maximum to close the bucket that holds it', () => {
    // Same histogram, max 110 ms: bucket 50 becomes [106.7190, 110]; p100 = 110,
    // p50 = 106.7190 + (1/6) × 3.2810 = 107.2658.
    const hist = histAt(49, [4, 6])
    expect(percentile(hist, 1, { maxMs: 110 })).toBe(110)
    expect(percentile(hist, 0.5, { maxMs: 110 })).toBeCloseTo(107.2658, 4)
    // A maximum that contradicts the histogram is ignored.
    expect(percentile(hist, 1, { maxMs: 5 })).toBeCloseTo(117.3909, 4)
  })

  it('can only give a lower bound in the open top bucket without a maximum', () => {
    const hist = histAt(117, [3])
    expect(percentile(hist, 0.99)).toBe(bucketLowerBound(117))
    // With max 90 s: [63,321.54, 90,000], p50 = 63,321.54 + 0.5 × 26,678.46 = 76,660.77.
    expect(percentile(hist, 0.5, { maxMs: 90_000 })).toBeCloseTo(76_660.77, 1)
  })

  it('is n/a for an empty histogram and rejects q outside [0, 1]', () => {
    expect(percentile([], 0.5)).toBeNull()
    expect(percentile([0, 0, 0], 0.5)).toBeNull()
    expect(() => percentile([1], 1.01)).toThrow(RangeError)
    expect(() => percentile([1], -0.1)).toThrow(RangeError)
  })

  // Linear interpolation assumes samples spread evenly in a bucket, so the error is bounded by a
  // bucket's width (10%) in the worst case; ±5% needs enough samples in the tail. 20,000 samples
  // (two weeks of one-minute checks) meet it at p99; a p99 over 1,440 samples can be ~8% off.
  it('is within ±5% of the exact percentile on lognormal latencies', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.double({ min: 5, max: 500, noNaN: true }),
        fc.double({ min: 0.2, max: 1.2, noNaN: true }),
        (seed, medianMs, sigma) => {
          const samples = lognormalSamples(seed, 20_000, medianMs, sigma)
          const sorted = sortNumbers(samples)
          // Rollups are built per hour and merged: split the samples the same way.
          const hist = mergeHistograms(
            ...[0, 1, 2, 3].map((k) => histogramOf(samples.slice(k * 5000, (k + 1) * 5000))),
          )
          const maxMs = sorted[sorted.length - 1] ?? null
          for (const q of [0.5, 0.9, 0.95, 0.99]) {
            const exact = quantile(sorted, q) ?? Number.NaN
            const estimate = percentile(hist, q, { maxMs }) ?? Number.NaN
            if (!(Math.abs(estimate - exact) <= 0.05 * exact)) return false
          }
          return true
        },
      ),
      { numRuns: 25 },
    )
  })

  const hist = fc.array(fc.nat({ max: 1000 }), { maxLength: 118 })

  it('never decreases as q grows', () => {
    fc.assert(
      fc.property(
        hist,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 100_000, noNaN: true })),
        (h, a, b, maxMs) => {
          const [q1, q2] = a <= b ? [a, b] : [b, a]
          const v1 = percentile(h, q1, { maxMs })
          const v2 = percentile(h, q2, { maxMs })
          if (v1 === null || v2 === null) return v1 === v2
          return v1 <= v2
        },
      ),
    )
  })
})
