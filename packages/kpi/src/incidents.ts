import { ratio } from './ratio.ts'
import { mean, quantile, sortNumbers } from './stats.ts'

// Timestamps as the API has them: Date objects, or ISO 8601 strings from JSON.
export type Instant = Date | string

export type IncidentTimes = {
  startedAt: Instant
  detectedAt?: Instant | null
  acknowledgedAt?: Instant | null
  resolvedAt?: Instant | null
}

// All durations in minutes. Median and p90 use linear interpolation between order statistics
// (see quantile in stats.ts), which is also what PostgreSQL's percentile_cont computes.
export type DurationSummary = {
  mean: number | null
  median: number | null
  p90: number | null
  count: number
}

const MINUTE_MS = 60_000

export function toMs(value: Instant, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value)
  if (Number.isNaN(ms)) throw new RangeError(`${field} is not a valid date: ${String(value)}`)
  return ms
}

// Minutes from start to the given milestone, for the incidents that reached it.
function minutesTo(
  incidents: readonly IncidentTimes[],
  milestone: 'detectedAt' | 'acknowledgedAt' | 'resolvedAt',
): number[] {
  const out: number[] = []
  for (const incident of incidents) {
    const at = incident[milestone]
    if (at === undefined || at === null) continue
    const minutes = (toMs(at, milestone) - toMs(incident.startedAt, 'startedAt')) / MINUTE_MS
    // The database forbids this; anything else passing it has its timestamps swapped.
    if (minutes < 0) throw new RangeError(`${milestone} is before startedAt`)
    out.push(minutes)
  }
  return out
}

export function durationSummary(minutes: readonly number[]): DurationSummary {
  const sorted = sortNumbers(minutes)
  return {
    mean: mean(sorted),
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    count: sorted.length,
  }
}

// Time to acknowledge, over incidents that have been acknowledged: `count` is how many were.
export function mtta(incidents: readonly IncidentTimes[]): DurationSummary {
  return durationSummary(minutesTo(incidents, 'acknowledgedAt'))
}

// Time to detect, over incidents with a detection time.
export function mttd(incidents: readonly IncidentTimes[]): DurationSummary {
  return durationSummary(minutesTo(incidents, 'detectedAt'))
}

// Time to resolve over resolved incidents; open ones are not counted (they have no duration yet).
export function mttr(incidents: readonly IncidentTimes[]): DurationSummary {
  return durationSummary(minutesTo(incidents, 'resolvedAt'))
}

// Mean time between failures: operating time per failure, n/a with no failures. Downtime should be
// the union of outage intervals; overlapping incidents summed naively could exceed the period, so
// operating time is floored at 0.
export function mtbf(
  periodMinutes: number,
  downtimeMinutes: number,
  failures: number,
): number | null {
  if (![periodMinutes, downtimeMinutes, failures].every((x) => Number.isFinite(x) && x >= 0)) {
    throw new RangeError('mtbf inputs must be finite and >= 0')
  }
  return ratio(Math.max(0, periodMinutes - downtimeMinutes), failures)
}
