import { ratio } from './ratio.ts'
import { downtimeMinutes } from './uptime.ts'

export type ErrorBudgetInput = {
  // SLO target as a fraction, e.g. 0.999.
  target: number
  windowMinutes: number
  // Downtime charged to the budget so far in the window.
  consumedMinutes: number
  // Minutes of the window that have passed (equal to windowMinutes for a rolling window).
  elapsedMinutes: number
  now: Date
}

export type ErrorBudget = {
  allowedMinutes: number
  consumedMinutes: number
  // Negative once the budget is overspent.
  remainingMinutes: number
  remainingShare: number | null
  burnRate: number | null
  // When the budget runs out at the current burn rate; `now` if already spent, null if not burning.
  exhaustsAt: Date | null
}

const MINUTE_MS = 60_000

export function errorBudget(input: ErrorBudgetInput): ErrorBudget {
  const { target, windowMinutes, consumedMinutes, now } = input
  if (!(target >= 0 && target <= 1)) throw new RangeError(`target must be in [0, 1], got ${target}`)
  if (!(windowMinutes > 0)) throw new RangeError(`windowMinutes must be > 0, got ${windowMinutes}`)
  if (!(consumedMinutes >= 0)) throw new RangeError(`consumedMinutes must be >= 0`)
  if (!(input.elapsedMinutes >= 0)) throw new RangeError(`elapsedMinutes must be >= 0`)
  // A report computed just after the window closed still describes that window.
  const elapsed = Math.min(input.elapsedMinutes, windowMinutes)

  const allowedMinutes = (1 - target) * windowMinutes
  const remainingMinutes = allowedMinutes - consumedMinutes
  const consumedPerMinute = ratio(consumedMinutes, elapsed)
  // Burn rate 1 spends exactly the budget over the window; from the window's start the budget
  // runs out at W / burnRate, so a rate below 1 outlasts the window.
  const burnRate = ratio(consumedPerMinute, 1 - target)

  let exhaustsAt: Date | null = null
  if (consumedMinutes > 0 && remainingMinutes <= 0) {
    // Already spent: when exactly it ran out is not knowable from totals, so report now.
    exhaustsAt = now
  } else if (consumedPerMinute !== null && consumedPerMinute > 0) {
    exhaustsAt = new Date(now.getTime() + (remainingMinutes / consumedPerMinute) * MINUTE_MS)
  }

  return {
    allowedMinutes,
    consumedMinutes,
    remainingMinutes,
    remainingShare: ratio(remainingMinutes, allowedMinutes),
    burnRate,
    exhaustsAt,
  }
}

export type ErrorBudgetFromSamplesInput = Omit<ErrorBudgetInput, 'consumedMinutes'> & {
  // Down samples in the window, each charged one check interval.
  down: number
  // Samples in scope (up + degraded + down; maintenance is neither) in the window.
  counted: number
  intervalSeconds: number
}

/** The error budget where nothing may have been observed: only the allowance is then known. */
export type ObservedErrorBudget =
  | ErrorBudget
  | {
      allowedMinutes: number
      consumedMinutes: null
      remainingMinutes: null
      remainingShare: null
      burnRate: null
      exhaustsAt: null
    }

/**
 * The error budget from a window's sample counts. With no sample in scope the window was not
 * observed: consumed, remaining, burn rate and exhaustion are n/a rather than a whole budget
 * burning at 0, as uptime is "no data" rather than 100%.
 */
export function errorBudgetFromSamples(input: ErrorBudgetFromSamplesInput): ObservedErrorBudget {
  const { down, counted, intervalSeconds, ...rest } = input
  const budget = errorBudget({
    ...rest,
    consumedMinutes: downtimeMinutes({ down, intervalSeconds }),
  })
  if (counted > 0) return budget
  return {
    allowedMinutes: budget.allowedMinutes,
    consumedMinutes: null,
    remainingMinutes: null,
    remainingShare: null,
    burnRate: null,
    exhaustsAt: null,
  }
}

export type SloAttainment = { met: boolean; margin: number }

// An uptime of "no data" neither meets nor misses the SLO.
export function sloAttainment(uptime: number | null, target: number): SloAttainment | null {
  if (uptime === null || !Number.isFinite(uptime)) return null
  const margin = uptime - target
  // Both sides are rounded binary fractions; a hit on the target to 1e-12 is a hit.
  return { met: margin >= -1e-12, margin }
}

export type TierSloHealth = 'meeting' | 'partly' | 'breaching' | 'no-data'

// A group of services against their own SLOs, counted per service (a pooled uptime could hide a
// breaching service behind healthy ones): meeting when none with data breaches, breaching when
// none meets, partly when some of each. Services without data count for neither.
export function tierSloHealth(services: { meeting: number; breaching: number }): TierSloHealth {
  const { meeting, breaching } = services
  if (meeting === 0 && breaching === 0) return 'no-data'
  if (breaching === 0) return 'meeting'
  return meeting === 0 ? 'breaching' : 'partly'
}
