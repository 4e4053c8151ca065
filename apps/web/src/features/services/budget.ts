import { formatDuration, formatNumber, formatPercent } from '../../lib/format.ts'

// Error budget figures as the table and the detail page show them: a bar of the share left and
// the same in words, so the colour is never the only signal.

export type BudgetLevel = 'healthy' | 'low' | 'spent' | 'no-data'

/** Healthy above a quarter left, low down to nothing, spent at or below zero. */
export function budgetLevel(remainingShare: number | null): BudgetLevel {
  if (remainingShare === null || !Number.isFinite(remainingShare)) return 'no-data'
  if (remainingShare <= 0) return 'spent'
  return remainingShare < 0.25 ? 'low' : 'healthy'
}

/** The bar's fill, 0–100: an overspent budget is an empty bar, its text says by how much. */
export const budgetFill = (remainingShare: number | null) =>
  remainingShare === null || !Number.isFinite(remainingShare)
    ? 0
    : Math.round(Math.min(1, Math.max(0, remainingShare)) * 1000) / 10

/** `62% left`, `overspent by 40%`, `n/a`. */
export function budgetText(remainingShare: number | null): string {
  if (remainingShare === null || !Number.isFinite(remainingShare)) return 'n/a'
  if (remainingShare < 0) return `overspent by ${formatPercent(-remainingShare)}`
  return `${formatPercent(remainingShare)} left`
}

/**
 * The budget in minutes: `22m of 43m`, or `17m over the 43m allowed` once overspent; with no
 * sample in the window (remaining null) only the allowance is known.
 */
export function budgetMinutesText(remainingMinutes: number | null, allowedMinutes: number): string {
  const allowed = formatDuration(allowedMinutes)
  if (remainingMinutes === null) return `n/a: no samples (${allowed} allowed)`
  if (remainingMinutes < 0)
    return `${formatDuration(-remainingMinutes)} over the ${allowed} allowed`
  return `${formatDuration(remainingMinutes)} of ${allowed}`
}

/** Burn rate as `×2.4`: 1 spends exactly the budget over the window. */
export function burnRateText(burnRate: number | null): string {
  if (burnRate === null || !Number.isFinite(burnRate)) return 'n/a'
  const digits = burnRate >= 10 ? 0 : burnRate >= 1 ? 1 : 2
  return `×${burnRate.toFixed(digits)}`
}

/** Above 1 the budget runs out before the window ends: that is the figure to worry about. */
export const burnRateTone = (burnRate: number | null) =>
  burnRate === null ? undefined : burnRate > 1 ? ('bad' as const) : undefined

/** Uptime as the tables show it: a clean `100%`, else 2–3 decimals (`99.95%`, `99.931%`). */
export const uptimeText = (uptime: number | null) =>
  uptime === 1 ? '100%' : formatPercent(uptime, uptime !== null && uptime >= 0.999 ? 3 : 2)

/** Latency in milliseconds: `85 ms`, `1.2 s`. */
export function latencyText(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return 'n/a'
  if (ms < 1000) return `${Math.round(ms)} ms`
  return `${formatNumber(Math.round(ms / 100) / 10)} s`
}
