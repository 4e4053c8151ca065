import { MAX_RANGE_DAYS } from '@opsdeck/contract'
import { formatDay, formatInstant } from './format.ts'

// The global time range, as it lives in the URL: `?range=7d`, or `?from=2026-11-01&to=2026-11-30`
// (calendar days, `to` inclusive, in the organisation's time zone; ISO instants also accepted).
// Pure functions only, so the URL round-trip is tested without a browser.

export const PRESETS = ['24h', '7d', '30d', '90d', '12m'] as const
export type Preset = (typeof PRESETS)[number]
export const DEFAULT_PRESET: Preset = '30d'

export type RangeSpec = { preset: Preset } | { from: string; to: string }

export const PRESET_LABELS: Record<Preset, { short: string; long: string }> = {
  '24h': { short: '24h', long: 'Last 24 hours' },
  '7d': { short: '7d', long: 'Last 7 days' },
  '30d': { short: '30d', long: 'Last 30 days' },
  '90d': { short: '90d', long: 'Last 90 days' },
  '12m': { short: '12 months', long: 'Last 12 months' },
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const isBound = (value: string) =>
  isDay(value) || (INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
const isPreset = (value: string | null): value is Preset => PRESETS.includes(value as Preset)

/** Reads the range from search params; anything missing or malformed falls back to the default. */
export function parseRange(params: URLSearchParams): RangeSpec {
  const from = params.get('from')
  const to = params.get('to')
  if (from && to && isBound(from) && isBound(to) && startOf(from) <= startOf(to))
    return { from, to }
  const range = params.get('range')
  return { preset: isPreset(range) ? range : DEFAULT_PRESET }
}

/** New search params with the range set and every other param (filters, tabs) kept. */
export function withRange(params: URLSearchParams, spec: RangeSpec): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of ['range', 'from', 'to']) next.delete(key)
  if ('preset' in spec) next.set('range', spec.preset)
  else {
    next.set('from', spec.from)
    next.set('to', spec.to)
  }
  return next
}

/**
 * What to ask the API for. A preset is a window ending now, computed at fetch time (so a refetch
 * moves with the clock); `to` is left out because the API's default end is "now".
 */
export function toApiQuery(spec: RangeSpec, now: Date): { from: string; to?: string } {
  if (!('preset' in spec)) return { from: spec.from, to: spec.to }
  const from = new Date(now)
  if (spec.preset === '12m') from.setMonth(from.getMonth() - 12)
  else from.setTime(now.getTime() - presetHours(spec.preset) * 3_600_000)
  return { from: from.toISOString() }
}

const presetHours = (p: Exclude<Preset, '12m'>) =>
  ({ '24h': 24, '7d': 168, '30d': 720, '90d': 2160 })[p]

/** Checks a custom range typed by a person; returns the problem in words, or null when fine. */
export function validateCustomRange(from: string, to: string): string | null {
  if (!isDay(from) || !isDay(to)) return 'Enter both dates'
  if (from > to) return 'The start must not be after the end'
  const days = (startOf(to) - startOf(from)) / 86_400_000 + 1
  if (days > MAX_RANGE_DAYS) return `The range may span at most ${MAX_RANGE_DAYS} days`
  return null
}

const startOf = (bound: string) => Date.parse(isDay(bound) ? `${bound}T00:00:00Z` : bound)

export function sameRange(a: RangeSpec, b: RangeSpec): boolean {
  if ('preset' in a || 'preset' in b) return 'preset' in a && 'preset' in b && a.preset === b.preset
  return a.from === b.from && a.to === b.to
}

/** How the range reads in headings: `Last 30 days`, `1 Nov 2026 – 30 Nov 2026`. */
export function describeRange(spec: RangeSpec): string {
  if ('preset' in spec) return PRESET_LABELS[spec.preset].long
  const show = (b: string) => (isDay(b) ? formatDay(b) : formatInstant(b))
  return spec.from === spec.to ? show(spec.from) : `${show(spec.from)} – ${show(spec.to)}`
}
