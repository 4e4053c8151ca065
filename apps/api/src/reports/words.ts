import type { ReportUnit } from '../lib/report-section.ts'
import { durationInWords, percentInWords } from '../lib/phrases.ts'
import type { ReportedFigure } from './schemas.ts'

// A report's figures in the words of its summary. The page formats them itself; these are for
// sentences, so that the frozen text reads the same wherever it is shown.

const SMALL = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']

/** `two`, `12`: a count as a word up to nine; capitalised at a sentence's start. */
export function countInWords(n: number, capital = false): string {
  const word = SMALL[n] ?? String(n)
  return capital ? word.charAt(0).toUpperCase() + word.slice(1) : word
}

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${countInWords(n)} ${n === 1 ? one : many}`

/**
 * A figure's value; a share to 2 decimals when `fine` (availability: 99.93%), else whole (87%).
 */
export function valueInWords(value: number, unit: ReportUnit, currency: string, fine = false) {
  if (unit === 'share') return percentInWords(value, fine ? 2 : 0)
  if (unit === 'minutes') return durationInWords(value)
  if (unit === 'hours') return `${Math.round(value).toLocaleString('en-GB')} h`
  if (unit === 'index') return value.toFixed(2)
  if (unit === 'money') return moneyInWords(value, currency)
  return String(value)
}

/** Minor units as `£92,000`, or `£1.2m` from a million. */
export function moneyInWords(minor: number, currency: string): string {
  const major = minor / 100
  if (Math.abs(major) >= 1_000_000) {
    const symbol = new Intl.NumberFormat('en-GB', { style: 'currency', currency })
      .formatToParts(0)
      .find((p) => p.type === 'currency')?.value
    return `${major < 0 ? '-' : ''}${symbol ?? currency}${Number((Math.abs(major) / 1e6).toFixed(1))}m`
  }
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  }).format(major)
}

/**
 * The change on the previous period: `down 0.02 points on October 2026`, `down 30% on …`,
 * `up 3 on …`, `unchanged on …`; null when either period is n/a.
 */
export function changeInWords(
  f: ReportedFigure,
  previousLabel: string,
  currency: string,
  fine = false,
) {
  if (f.delta === null) return null
  const on = `on ${previousLabel}`
  if (Math.abs(f.delta) < 1e-9) return `unchanged ${on}`
  const way = f.delta > 0 ? 'up' : 'down'
  if (f.unit === 'share') {
    const digits = fine ? 2 : 0
    const points = Number(Math.abs(f.delta).toFixed(digits))
    // A move too small to show at that precision is not "down 0 points".
    if (points === 0) return `${way} less than ${fine ? '0.01 points' : '1 point'} ${on}`
    return `${way} ${points} ${points === 1 ? 'point' : 'points'} ${on}`
  }
  if (f.relative !== null && f.unit !== 'count') {
    return `${way} ${Math.round(Math.abs(f.relative) * 100)}% ${on}`
  }
  return `${way} ${valueInWords(Math.abs(f.delta), f.unit, currency)} ${on}`
}
