import { bucketLowerBound, bucketUpperBound, histogramCount } from './histogram.ts'

export type PercentileOptions = {
  // The largest latency seen (the rollups keep it): closes the open top bucket and tightens the
  // estimate in the bucket that holds the maximum.
  maxMs?: number | null
}

// The q-th latency (q in [0, 1]) from a merged histogram: find the bucket holding rank q × total
// and interpolate linearly inside it, assuming samples spread evenly across the bucket. Null for an
// empty histogram.
export function percentile(
  hist: readonly number[],
  q: number,
  options: PercentileOptions = {},
): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be in [0, 1], got ${q}`)
  const total = histogramCount(hist)
  if (!(total > 0)) return null
  const rank = q * total
  const maxMs = options.maxMs ?? null

  let before = 0
  for (let i = 0; i < hist.length; i++) {
    const count = hist[i] ?? 0
    if (count <= 0) continue
    if (before + count >= rank) {
      const lo = bucketLowerBound(i)
      let hi = bucketUpperBound(i)
      if (maxMs !== null && maxMs >= lo && maxMs < hi) hi = maxMs
      // Without a maximum the open top bucket can only say "at least this much".
      if (!Number.isFinite(hi)) return lo
      return lo + ((rank - before) / count) * (hi - lo)
    }
    before += count
  }
  // Unreachable for a histogram of non-negative counts: rank <= total.
  return null
}
