import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  HISTOGRAM_BUCKETS,
  HISTOGRAM_GROWTH,
  bucketIndex,
  bucketIndexSql,
  bucketLowerBound,
  bucketUpperBound,
  histogramCount,
  histogramOf,
  mergeHistograms,
  trimHistogram,
} from './histogram.ts'

// The closed form the bounds table implements, for values away from bucket edges.
const closedForm = (ms: number) =>
  ms < 1 ? 0 : Math.min(117, 1 + Math.floor(Math.log(ms) / Math.log(1.1)))

describe('bucket layout', () => {
  it('has 118 buckets growing by 10%', () => {
    expect(HISTOGRAM_BUCKETS).toBe(118)
    expect(HISTOGRAM_GROWTH).toBe(1.1)
    expect(bucketLowerBound(0)).toBe(0)
    expect(bucketUpperBound(0)).toBe(1)
    expect(bucketLowerBound(1)).toBe(1)
    expect(bucketUpperBound(1)).toBeCloseTo(1.1, 12)
    // Bucket 49 = [1.1^48, 1.1^49) = [97.02, 106.72) ms.
    expect(bucketLowerBound(49)).toBeCloseTo(97.0172, 4)
    expect(bucketUpperBound(49)).toBeCloseTo(106.719, 4)
    // The top bucket starts at 1.1^116 ≈ 63.3 s and is open.
    expect(bucketLowerBound(117)).toBeCloseTo(63_321.54, 1)
    expect(bucketUpperBound(117)).toBe(Number.POSITIVE_INFINITY)
    expect(() => bucketLowerBound(118)).toThrow(RangeError)
    expect(() => bucketUpperBound(-1)).toThrow(RangeError)
    expect(() => bucketLowerBound(1.5)).toThrow(RangeError)
  })

  it('buckets a table of latencies as the closed form does', () => {
    // ms → 1 + floor(ln(ms) / ln 1.1): 1 → 1, 2 → 1 + floor(7.27) = 8, 100 → 1 + floor(48.32) = 49,
    // 250 → 1 + floor(57.93) = 58, 1,000 → 1 + floor(72.48) = 73, 60,000 → 1 + floor(115.45) = 116.
    const table: [number, number][] = [
      [-5, 0],
      [0, 0],
      [0.999, 0],
      [1, 1],
      [1.05, 1],
      [1.1000001, 2],
      [2, 8],
      [10, 25],
      [100, 49],
      [250, 58],
      [1000, 73],
      [60_000, 116],
      [63_321, 116],
      [63_322, 117],
      [3_600_000, 117],
      [Number.POSITIVE_INFINITY, 117],
    ]
    for (const [ms, bucket] of table) {
      expect(bucketIndex(ms), `${ms} ms`).toBe(bucket)
      if (Number.isFinite(ms)) expect(closedForm(ms), `${ms} ms closed form`).toBe(bucket)
    }
    expect(() => bucketIndex(Number.NaN)).toThrow(RangeError)
  })

  it('places every latency inside its bucket bounds', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (ms) => {
        const i = bucketIndex(ms)
        return bucketLowerBound(i) <= ms && ms < bucketUpperBound(i)
      }),
    )
  })

  it('agrees with the closed form for every whole millisecond up to two minutes', () => {
    // latency_ms is an integer column and no integer sits within 1e-9 of a bucket edge, so even a
    // hand-written ln() form of the SQL, on any libm, buckets stored latencies like the table does.
    const disagree: number[] = []
    let closest = 1
    for (let ms = 0; ms <= 120_000; ms++) {
      if (bucketIndex(ms) !== closedForm(ms)) disagree.push(ms)
      const steps = Math.log(ms) / Math.log(1.1)
      if (ms > 1) closest = Math.min(closest, Math.abs(steps - Math.round(steps)))
    }
    expect(disagree).toEqual([])
    expect(closest).toBeGreaterThan(1e-9)
  })

  it('gives SQL the same bounds, 1-based as width_bucket counts them', () => {
    const match = /^width_bucket\(latency_ms::float8, '\{([^}]*)\}'::float8\[\]\)$/.exec(
      bucketIndexSql,
    )
    expect(match).not.toBeNull()
    const bounds = (match?.[1] ?? '').split(',').map(Number)
    // width_bucket returns 0 below bounds[0] and k for bounds[k-1] <= x < bounds[k].
    expect(bounds).toHaveLength(HISTOGRAM_BUCKETS - 1)
    bounds.forEach((b, k) => expect(b).toBe(bucketLowerBound(k + 1)))
    const widthBucket = (x: number) => bounds.filter((b) => b <= x).length
    for (const ms of [0, 0.5, 1, 1.1, 1.21, 2, 99, 100, 1000, 63_321, 63_322, 1e9]) {
      expect(widthBucket(ms), `${ms} ms`).toBe(bucketIndex(ms))
    }
  })
})

describe('histograms', () => {
  it('counts samples into buckets with trailing zeros trimmed', () => {
    // 0.4 → 0; 1 and 1.05 → 1; 2 → 8.
    expect(histogramOf([0.4, 1, 1.05, 2])).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 1])
    expect(histogramOf([])).toEqual([])
    expect(histogramCount([1, 2, 0, 3])).toBe(6)
  })

  it('trims only trailing zeros', () => {
    expect(trimHistogram([0, 3, 0, 1, 0, 0])).toEqual([0, 3, 0, 1])
    expect(trimHistogram([0, 0])).toEqual([])
  })

  it('merges histograms of different lengths element-wise', () => {
    expect(mergeHistograms([1, 2], [0, 1, 0, 5], [])).toEqual([1, 3, 0, 5])
    expect(mergeHistograms([1, 0, 0], [])).toEqual([1])
    expect(mergeHistograms()).toEqual([])
    expect(() => mergeHistograms(new Array<number>(119).fill(1))).toThrow(RangeError)
  })

  const hist = fc
    .array(fc.nat({ max: 1_000_000 }), { maxLength: HISTOGRAM_BUCKETS })
    .map(trimHistogram)

  it('merges commutatively and associatively, keeping the total', () => {
    fc.assert(
      fc.property(hist, hist, hist, (a, b, c) => {
        expect(mergeHistograms(a, b)).toEqual(mergeHistograms(b, a))
        expect(mergeHistograms(mergeHistograms(a, b), c)).toEqual(
          mergeHistograms(a, mergeHistograms(b, c)),
        )
        expect(mergeHistograms(a, [])).toEqual(a)
        expect(histogramCount(mergeHistograms(a, b))).toBe(histogramCount(a) + histogramCount(b))
      }),
    )
  })

  it('gives the same histogram for a batch as for its parts merged', () => {
    const ms = fc.double({ min: 0, max: 200_000, noNaN: true })
    fc.assert(
      fc.property(fc.array(ms), fc.array(ms), (xs, ys) => {
        expect(mergeHistograms(histogramOf(xs), histogramOf(ys))).toEqual(
          trimHistogram(histogramOf([...xs, ...ys])),
        )
      }),
    )
  })
})
