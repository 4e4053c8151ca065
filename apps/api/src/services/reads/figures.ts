import {
  burnRate,
  type ErrorBudgetFromSamplesInput,
  errorBudgetFromSamples,
  percentile,
  uptime,
} from '@opsdeck/kpi'
import type { TimeRange } from '../../lib/range.ts'
import type { CountsRow, HistRow } from './window-sql.ts'

// From the counts and histograms the statements sum to the figures, by packages/kpi's formulas.

export interface Counts {
  up: number
  degraded: number
  down: number
  maintenance: number
}

export const NO_COUNTS: Counts = { up: 0, degraded: 0, down: 0, maintenance: 0 }

/** `rows` by `key` then service id. */
export function byKeyAndService<R extends { key: string; serviceId: number }>(rows: readonly R[]) {
  const map = new Map<string, R>()
  for (const r of rows) map.set(`${r.key}:${r.serviceId}`, r)
  return (key: string, serviceId: number) => map.get(`${key}:${serviceId}`)
}

export const addCounts = (a: Counts, b: Counts): Counts => ({
  up: a.up + b.up,
  degraded: a.degraded + b.degraded,
  down: a.down + b.down,
  maintenance: a.maintenance + b.maintenance,
})

export const countsOf = (row: CountsRow | undefined): Counts =>
  row
    ? { up: row.up, degraded: row.degraded, down: row.down, maintenance: row.maintenance }
    : NO_COUNTS

/** Uptime, degraded share and coverage; samples are expected only for the part that has passed. */
export function uptimeOver(counts: Counts, window: TimeRange, intervalSeconds: number, now: Date) {
  const observedMs = Math.min(window.to.getTime(), now.getTime()) - window.from.getTime()
  return uptime({ ...counts, expected: Math.max(0, observedMs) / 1000 / intervalSeconds })
}

/**
 * The error budget as JSON carries it (exhaustsAt an ISO instant), by packages/kpi's rule: with
 * no sample in scope only the allowance is known.
 */
export function budgetOf(args: ErrorBudgetFromSamplesInput) {
  const b = errorBudgetFromSamples({ ...args, elapsedMinutes: Math.max(0, args.elapsedMinutes) })
  return { ...b, exhaustsAt: b.exhaustsAt?.toISOString() ?? null }
}

/** Samples counted for uptime and the budget: maintenance counts as neither. */
export const countedOf = (c: Counts) => c.up + c.degraded + c.down

/**
 * Burn rate of a short window (1 h, 6 h, 24 h) as the burn-rate alerts measure it: the share of
 * counted checks that were down / (1 − target); null with no check in scope.
 */
export const windowBurnRate = (counts: Counts, target: number) => burnRate(counts, target)

/** p50, p95, p99 and the maximum from a merged histogram; nulls for no latency. */
export function latencyOf(row: HistRow | undefined) {
  const hist = row?.hist ?? []
  const maxMs = row?.latencyMaxMs ?? null
  const q = (p: number) => percentile(hist, p, { maxMs })
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), maxMs, count: row?.latencyCount ?? 0 }
}
