import { ratio } from './ratio.ts'

export function mean(values: readonly number[]): number | null {
  let sum = 0
  for (const v of values) sum += v
  return ratio(sum, values.length)
}

// Linear interpolation between order statistics (Hyndman & Fan type 7): h = (n − 1)·q, then
// x[floor h] + frac(h)·(x[floor h + 1] − x[floor h]). The same as PostgreSQL's percentile_cont,
// Excel's PERCENTILE.INC and numpy's default, so a figure computed in SQL matches this one.
export function quantile(sortedValues: readonly number[], q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be in [0, 1], got ${q}`)
  const n = sortedValues.length
  if (n === 0) return null
  const h = (n - 1) * q
  const i = Math.floor(h)
  const lo = sortedValues[i] ?? 0
  const hi = sortedValues[Math.min(i + 1, n - 1)] ?? lo
  return lo + (h - i) * (hi - lo)
}

export function sortNumbers(values: Iterable<number>): number[] {
  return Array.from(values).sort((a, b) => a - b)
}
