import type { LoginLimits } from './config.ts'

// The arithmetic of the sign-in limits (config.ts), pure: how long the failures on each key
// hold the next attempt. throttle.ts reads the failures and applies it.

/** Each key's failures inside the window, newest first (at most as many as its limit). */
export interface Failures {
  address: Date[]
  account: Date[]
  accountAddress: Date[]
}

// From the third failure on a key (an address on an account, or a device) the next try waits
// 1 s, then 2, 4 … up to a minute: a typo costs nothing, a guesser gets slower well before the
// hard limit.
const DELAY_FROM = 3
const DELAY_BASE_MS = 1_000
const DELAY_MAX_MS = 60_000

/** Milliseconds the progressive delay holds the next attempt after these failures (0: none). */
export const msOfDelay = (failures: Date[], now: Date) => msOfBackoff(failures, DELAY_FROM, now)

// 1 s after the newest failure once there are `from` of them, doubling with each one more.
function msOfBackoff(failures: Date[], from: number, now: Date): number {
  const newest = failures[0]
  if (!newest || failures.length < from) return 0
  const delay = Math.min(DELAY_MAX_MS, DELAY_BASE_MS * 2 ** (failures.length - from))
  return Math.max(0, newest.getTime() + delay - now.getTime())
}

// While the limit-th newest failure is inside the window, the key is at its limit.
const untilBelow = (at: Date[], limit: number, windowMs: number, now: Date) => {
  const nth = at[limit - 1]
  return nth ? Math.max(0, nth.getTime() + windowMs - now.getTime()) : 0
}

// Past the ceiling, how many failures are counted: enough for the account-wide delay to reach
// its maximum (1 s × 2^6 > a minute).
export const ACCOUNT_DELAY_STEPS = 7

/**
 * Milliseconds the account-wide delay holds an attempt without the account's device (0: none):
 * once the account has `perAccount` failures in the window, 1 s after the newest one, then 2, 4 …
 * up to a minute with each failure beyond. With attempts in flight counted, any one in flight
 * past the ceiling holds the next: they go one at a time.
 */
export const msOfAccountDelay = (account: Date[], perAccount: number, now: Date) =>
  msOfBackoff(account, perAccount, now)

/** Milliseconds until the keys' counts are below their limits (0: now); no delay. */
export function msUntilBelowLimits(failures: Failures, limits: LoginLimits, now: Date): number {
  const below = (at: Date[], limit: number) => untilBelow(at, limit, limits.windowMs, now)
  const mine = failures.accountAddress
  const underAttack = below(failures.account, limits.perAccount)
  // Under attack, an address that has failed on the account waits for the attack to ebb or for
  // its own failures to leave the window; one that has not is held only by msOfAccountDelay.
  const failedHere = underAttack > 0 && mine.length > 0 ? Math.min(underAttack, below(mine, 1)) : 0
  return Math.max(
    below(failures.address, limits.perAddress),
    below(mine, limits.perAccountAddress),
    failedHere,
  )
}
