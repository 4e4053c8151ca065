// Latency histogram with fixed log-spaced buckets, shared by the database rollups and the
// percentile arithmetic. Bucket 0 holds [0, 1) ms; bucket i >= 1 holds [1.1^(i-1), 1.1^i) ms; the
// top bucket (117) is open-ended and holds everything >= 1.1^116 ms (about 63.3 s). In closed form
// bucketIndex(ms) = ms < 1 ? 0 : min(117, 1 + floor(ln(ms) / ln(1.1))); the bounds table below is
// the exact definition, so TypeScript and SQL agree even where ln() would round differently.
//
// A histogram is a number[] of counts indexed by bucket, trailing zeros trimmed (so it may be
// shorter than HISTOGRAM_BUCKETS). PostgreSQL arrays are 1-based: the rollups store bucket i at
// array position i + 1.

export const HISTOGRAM_GROWTH = 1.1
export const HISTOGRAM_BUCKETS = 118
const TOP = HISTOGRAM_BUCKETS - 1

const LOWER_BOUNDS: readonly number[] = Array.from({ length: HISTOGRAM_BUCKETS }, (_, i) =>
  i === 0 ? 0 : Math.pow(HISTOGRAM_GROWTH, i - 1),
)

function assertBucket(i: number): void {
  if (!Number.isInteger(i) || i < 0 || i > TOP) {
    throw new RangeError(`bucket must be an integer in [0, ${TOP}], got ${i}`)
  }
}

export function bucketLowerBound(i: number): number {
  assertBucket(i)
  return LOWER_BOUNDS[i] ?? 0
}

// The top bucket has no upper bound.
export function bucketUpperBound(i: number): number {
  assertBucket(i)
  return LOWER_BOUNDS[i + 1] ?? Number.POSITIVE_INFINITY
}

export function bucketIndex(ms: number): number {
  if (Number.isNaN(ms)) throw new RangeError('latency must be a number')
  // Largest i with LOWER_BOUNDS[i] <= ms; negative latencies fall in bucket 0 as in SQL.
  let lo = 0
  let hi = TOP
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((LOWER_BOUNDS[mid] ?? 0) <= ms) lo = mid
    else hi = mid - 1
  }
  return lo
}

// The same function in SQL for a column named latency_ms: width_bucket over the bucket lower
// bounds 1..117 returns 0 below 1 ms and i for [bound i, bound i+1), exactly like bucketIndex.
// Add 1 for the array position. Numbers print in shortest round-trip form, so PostgreSQL parses
// the very same float8 values.
export const bucketIndexSql = `width_bucket(latency_ms::float8, '{${LOWER_BOUNDS.slice(1).join(',')}}'::float8[])`

export function trimHistogram(hist: readonly number[]): number[] {
  let end = hist.length
  while (end > 0 && hist[end - 1] === 0) end--
  return hist.slice(0, end)
}

export function mergeHistograms(...hists: readonly (readonly number[])[]): number[] {
  const out: number[] = []
  for (const hist of hists) {
    if (hist.length > HISTOGRAM_BUCKETS) {
      throw new RangeError(`histogram has ${hist.length} buckets, at most ${HISTOGRAM_BUCKETS}`)
    }
    for (let i = 0; i < hist.length; i++) out[i] = (out[i] ?? 0) + (hist[i] ?? 0)
  }
  return trimHistogram(out)
}

export function histogramOf(latenciesMs: Iterable<number>): number[] {
  const out: number[] = []
  for (const ms of latenciesMs) {
    const i = bucketIndex(ms)
    for (let j = out.length; j <= i; j++) out[j] = 0
    out[i] = (out[i] ?? 0) + 1
  }
  return out
}

export function histogramCount(hist: readonly number[]): number {
  let total = 0
  for (const n of hist) total += n
  return total
}
