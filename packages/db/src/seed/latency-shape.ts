import { HISTOGRAM_GROWTH } from '@opsdeck/kpi'

// The histogram of an hour of log-normal latencies, in buckets relative to the bucket of the
// hour's median. The older synthesized rollups shift this shape to each hour's median, which is
// far cheaper than drawing 60 samples an hour for a year.

export interface LatencyShape {
  /** Counts for offsets lo..hi from the median's bucket (no zeros at either end). */
  counts: number[]
  /** The same with one sample fewer in the median bucket (an hour with one failed check). */
  countsBlip: number[]
  /** tail[j] = samples at index j or above (for "how many exceed the degraded threshold"). */
  tail: number[]
  tailBlip: number[]
  lo: number
  hi: number
  /** Σ count · growth^offset: the hour's latency sum is median · weight. */
  weight: number
  weightBlip: number
}

const W = Math.log(HISTOGRAM_GROWTH)

export function latencyShape(sigma: number, samples = 60): LatencyShape {
  const k = Math.ceil((4 * sigma) / W)
  const offsets = Array.from({ length: 2 * k + 1 }, (_, i) => i - k)
  const counts = offsets.map((o) =>
    Math.round(samples * (phi(((o + 0.5) * W) / sigma) - phi(((o - 0.5) * W) / sigma))),
  )
  counts[k] = counts[k]! + samples - counts.reduce((a, b) => a + b, 0)
  const first = counts.findIndex((n) => n > 0)
  const last = counts.findLastIndex((n) => n > 0)
  const trimmed = counts.slice(first, last + 1)
  const lo = offsets[first]!
  const blip = trimmed.map((n, i) => (i === -lo ? n - 1 : n))
  const weigh = (cs: number[]) =>
    cs.reduce((sum, n, i) => sum + n * HISTOGRAM_GROWTH ** (i + lo), 0)
  return {
    counts: trimmed,
    countsBlip: blip,
    tail: tailOf(trimmed),
    tailBlip: tailOf(blip),
    lo,
    hi: offsets[last]!,
    weight: weigh(trimmed),
    weightBlip: weigh(blip),
  }
}

function tailOf(counts: number[]): number[] {
  const out = [...counts]
  for (let i = out.length - 2; i >= 0; i--) out[i] = out[i]! + out[i + 1]!
  return out
}

// Standard normal CDF via the Abramowitz–Stegun erf approximation (error < 1.5e-7).
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2
  const t = 1 / (1 + 0.3275911 * z)
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
  const erf = 1 - poly * Math.exp(-z * z)
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2
}
