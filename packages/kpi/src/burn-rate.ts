import { ratio } from './ratio.ts'
import type { SampleCounts } from './uptime.ts'

// Multi-window, multi-burn-rate alerts as in Google's SRE workbook (chapter "Alerting on SLOs").

/** The windows the alert rules read, each ending now. */
export const BURN_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '24h', '3d'] as const
export type BurnWindow = (typeof BURN_WINDOWS)[number]

export const BURN_WINDOW_MINUTES: Readonly<Record<BurnWindow, number>> = {
  '5m': 5,
  '30m': 30,
  '1h': 60,
  '2h': 120,
  '6h': 360,
  '24h': 1440,
  '3d': 4320,
}

/**
 * Burn rate of one window from its sample counts: the share of in-scope samples that were down,
 * over the share the SLO allows (1 − target). Degraded counts as good, maintenance as neither;
 * null ("no data") when no sample was in scope.
 *
 * It is errorBudget's burn rate, (downtime / elapsed) / (1 − target), with time measured in
 * samples: when every check interval of the window has one in-scope sample, down × interval /
 * elapsed = down / (up + degraded + down) and the two agree. Where checks are missing, this one
 * judges the time that was observed, while errorBudget's charges only observed downtime against
 * the whole elapsed time (so gaps lower it).
 */
export function burnRate(counts: Omit<SampleCounts, 'expected'>, target: number): number | null {
  assertTarget(target)
  const { up, degraded, down, maintenance } = counts
  for (const [name, n] of Object.entries({ up, degraded, down, maintenance })) {
    if (!(Number.isFinite(n) && n >= 0))
      throw new RangeError(`${name} must be a count >= 0, got ${n}`)
  }
  const badShare = ratio(down, up + degraded + down)
  return ratio(badShare, 1 - target)
}

export type BurnRateRule = {
  /** 'long/short', as stored in slo_alerts.rule. */
  id: string
  severity: 'page' | 'ticket'
  long: BurnWindow
  short: BurnWindow
  /** The share of the SLO window's budget that the long window spends at the threshold, in %. */
  budgetPercent: number
}

/** The workbook's four rules; the short window (1/12 of the long) confirms the burn is current. */
export const BURN_RATE_RULES: readonly BurnRateRule[] = [
  { id: '1h/5m', severity: 'page', long: '1h', short: '5m', budgetPercent: 2 },
  { id: '6h/30m', severity: 'page', long: '6h', short: '30m', budgetPercent: 5 },
  { id: '24h/2h', severity: 'ticket', long: '24h', short: '2h', budgetPercent: 10 },
  { id: '3d/6h', severity: 'ticket', long: '3d', short: '6h', budgetPercent: 10 },
]

export const SLO_WINDOW_DAYS = [7, 28, 30, 90] as const

/**
 * The burn rate at which the rule's long window spends its share of the SLO window's budget:
 * budget share × SLO window hours / long window hours. Over 30 days: 14.4, 6, 3 and 1.
 */
export function burnRateThreshold(rule: BurnRateRule, windowDays: number): number {
  if (!(Number.isFinite(windowDays) && windowDays > 0)) {
    throw new RangeError(`windowDays must be > 0, got ${windowDays}`)
  }
  // One division of exact integers, so 30 days gives exactly 14.4, 6, 3 and 1.
  return (rule.budgetPercent * windowDays * 24 * 60) / (100 * BURN_WINDOW_MINUTES[rule.long])
}

export type BurnRateAlert = {
  rule: string
  severity: 'page' | 'ticket'
  threshold: number
  longBurnRate: number
  shortBurnRate: number
}

export type BurnRateInput = {
  target: number
  windowDays: number
  rates: Readonly<Record<BurnWindow, number | null>>
}

// Burn rates come from binary fractions ((12 / 60) / (1 − 0.999) = 199.99999999999983): a rate
// on the threshold to 1 part in 10^9 is on it.
const TOLERANCE = 1e-9

/**
 * The rules firing now: both the long and the short window at or above the rule's threshold. A
 * window with no data (null) fires nothing. A threshold above 1 / (1 − target), the rate of a
 * total outage, cannot be reached (95% over 90 days: 43.2 > 20), and that rule never fires.
 */
export function evaluateBurnRateAlerts(input: BurnRateInput): BurnRateAlert[] {
  assertTarget(input.target)
  const firing: BurnRateAlert[] = []
  for (const rule of BURN_RATE_RULES) {
    const threshold = burnRateThreshold(rule, input.windowDays)
    const longBurnRate = input.rates[rule.long]
    const shortBurnRate = input.rates[rule.short]
    if (longBurnRate === null || shortBurnRate === null) continue
    const bar = threshold * (1 - TOLERANCE)
    if (longBurnRate >= bar && shortBurnRate >= bar) {
      firing.push({
        rule: rule.id,
        severity: rule.severity,
        threshold,
        longBurnRate,
        shortBurnRate,
      })
    }
  }
  return firing
}

/** Every window's burn rate from its sample counts. */
export function burnRates(
  counts: Readonly<Record<BurnWindow, Omit<SampleCounts, 'expected'>>>,
  target: number,
): Record<BurnWindow, number | null> {
  const rates = {} as Record<BurnWindow, number | null>
  for (const w of BURN_WINDOWS) rates[w] = burnRate(counts[w], target)
  return rates
}

function assertTarget(target: number): void {
  // A target of 1 leaves no budget to burn; the schema keeps targets strictly inside (0, 1).
  if (!(target > 0 && target < 1)) throw new RangeError(`target must be in (0, 1), got ${target}`)
}
