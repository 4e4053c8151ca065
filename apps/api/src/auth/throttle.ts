import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { LoginLimits } from './config.ts'
import {
  ACCOUNT_DELAY_STEPS,
  type Failures,
  msOfAccountDelay,
  msOfDelay,
  msUntilBelowLimits,
} from './login-delays.ts'
import type { LoginKeys } from './login-keys.ts'

// Failed sign-ins are counted in PostgreSQL, so every API instance agrees, over a sliding window
// (limits in config.ts). An attempt from a browser the account has signed in from before (a valid
// device cookie, see devices.ts) is judged only by that device's own failures: nobody elsewhere can
// lock the owner out. Once the device reaches its limit it is judged like any other attempt, on:
// - address: an address trying many accounts is stopped, whichever accounts it names;
// - account from address: an address guessing one account is slowed, then stopped, without
//   touching the owner signing in from anywhere else;
// - account: past this much higher ceiling the account is under a distributed attack: an address
//   that has failed on it must wait, and every other attempt without the account's device is
//   slowed account-wide (1 s after the newest failure, then 2, 4 … up to a minute), so that
//   holding many addresses (an IPv6 /48 is 65,536 /64s) buys no more guesses.
// IPv6 addresses count by their /64. Attempts still in flight count towards the limits (a burst
// cannot overshoot them) but never towards the progressive delay: only real failures slow anyone.

/** The rows an attempt was charged with: settle them with `confirmFailure` or `forgiveAttempt`. */
export type PendingAttempt = number[]

// A pending row older than this belongs to an attempt that died before settling: a failure.
const PENDING_STALE_MS = 60_000
// How long an attempt waits for parallel attempts on its keys to settle (a hundred parallel
// sign-ins of one account take a few seconds), and how often it looks when no attempt of this
// process settles (another instance's may have): 100 ms, doubling to 2 s, so a held-back attempt
// costs about ten transactions at most, not one every 100 ms.
const IN_FLIGHT_WAIT_MS = 10_000
const IN_FLIGHT_POLL_MS = 100
const IN_FLIGHT_POLL_MAX_MS = 2_000

/** How long the n-th look (from 0) at attempts in flight waits before the next one. */
export const inFlightPollMs = (n: number) =>
  Math.min(IN_FLIGHT_POLL_MAX_MS, IN_FLIGHT_POLL_MS * 2 ** Math.min(n, 16))

// This process's attempts waiting for parallel ones to settle, oldest first. Each settled attempt
// frees one place under the limits, so it wakes one waiter rather than all of them: a burst of
// the owner's sign-ins goes through in turn instead of polling the database in a herd.
const waiters: { since: number; wake: () => void }[] = []

function waitForSettle(since: number, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const waiter = {
      since,
      wake: () => {
        clearTimeout(timer)
        waiters.splice(waiters.indexOf(waiter), 1)
        resolve()
      },
    }
    const timer = setTimeout(waiter.wake, ms)
    const at = waiters.findIndex((w) => w.since > since)
    waiters.splice(at < 0 ? waiters.length : at, 0, waiter)
  })
}

/** An attempt has settled (call it once its transaction is committed): the next waiter looks. */
export function attemptSettled() {
  waiters[0]?.wake()
}

type Step = { retryAfter: number } | { pending: PendingAttempt } | 'in_flight'

/**
 * Checks the keys and, when they allow it, charges the attempt as pending before the (slow)
 * password check, all under a lock per key: parallel attempts queue here and each sees the
 * others' charges, so no more than the limits get through at once. An attempt held back only by
 * charges still in flight waits for them to settle (right passwords are forgiven, so parallel
 * sign-ins of the owner all get through). Either `retryAfter` seconds, or the pending rows.
 */
export async function chargeAttempt(
  db: Kysely<Database>,
  keys: LoginKeys,
  limits: LoginLimits,
  now: Date,
): Promise<{ retryAfter: number } | { pending: PendingAttempt }> {
  const since = performance.now()
  for (let looks = 0; ; looks++) {
    const step = await db.transaction().execute(async (trx) => {
      const names = [keys.address, keys.account, keys.accountAddress]
      await lockKeys(trx, keys.device ? [keys.device, ...names] : names)
      return (
        (keys.device && (await deviceStep(trx, keys.device, limits, now))) ||
        (await addressStep(trx, keys, limits, now))
      )
    })
    if (step !== 'in_flight') {
      await deleteExpired(db, limits, now)
      return step
    }
    const left = since + IN_FLIGHT_WAIT_MS - performance.now()
    if (left <= 0) return { retryAfter: 1 }
    await waitForSettle(since, Math.min(left, inFlightPollMs(looks)))
  }
}

// A device below its limit is judged by its own failures alone; at its limit, undefined: the
// attempt is judged like one without a device cookie until the device's window passes.
async function deviceStep(
  trx: Kysely<Database>,
  key: string,
  limits: LoginLimits,
  now: Date,
): Promise<Step | undefined> {
  const settled = await recent(trx, key, limits.perDevice, now, limits, true)
  if (settled.length >= limits.perDevice) return undefined
  const wait = msOfDelay(settled, now)
  if (wait > 0) return { retryAfter: Math.ceil(wait / 1000) }
  const all = await recent(trx, key, limits.perDevice, now, limits, false)
  if (all.length >= limits.perDevice) return 'in_flight'
  return { pending: await charge(trx, [key], now) }
}

async function addressStep(
  trx: Kysely<Database>,
  keys: LoginKeys,
  limits: LoginLimits,
  now: Date,
): Promise<Step> {
  const settled = await failuresOf(trx, keys, limits, now, true)
  const wait = Math.max(
    msUntilBelowLimits(settled, limits, now),
    msOfDelay(settled.accountAddress, now),
    msOfAccountDelay(settled.account, limits.perAccount, now),
  )
  if (wait > 0) return { retryAfter: Math.ceil(wait / 1000) }
  const all = await failuresOf(trx, keys, limits, now, false)
  if (
    msUntilBelowLimits(all, limits, now) > 0 ||
    msOfAccountDelay(all.account, limits.perAccount, now) > 0
  )
    return 'in_flight'
  return { pending: await charge(trx, [keys.address, keys.account, keys.accountAddress], now) }
}

async function charge(trx: Kysely<Database>, names: string[], now: Date) {
  const rows = await trx
    .insertInto('loginFailures')
    .values(names.map((key) => ({ key, at: now, pending: true })))
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}

/** The password was wrong: the charged attempt is a failure. */
export async function confirmFailure(db: Kysely<Database>, pending: PendingAttempt) {
  if (pending.length) {
    await db
      .updateTable('loginFailures')
      .set({ pending: false })
      .where('id', 'in', pending)
      .execute()
    attemptSettled()
  }
}

/**
 * The password was right (or never checked): the attempt charged by `chargeAttempt` was no
 * failure. Call `attemptSettled` once this is committed.
 */
export async function forgiveAttempt(db: Kysely<Database>, pending: PendingAttempt) {
  if (pending.length) await db.deleteFrom('loginFailures').where('id', 'in', pending).execute()
}

async function failuresOf(
  db: Kysely<Database>,
  keys: LoginKeys,
  limits: LoginLimits,
  now: Date,
  settledOnly: boolean,
): Promise<Failures> {
  return {
    address: await recent(db, keys.address, limits.perAddress, now, limits, settledOnly),
    account: await recent(
      db,
      keys.account,
      limits.perAccount + ACCOUNT_DELAY_STEPS,
      now,
      limits,
      settledOnly,
    ),
    accountAddress: await recent(
      db,
      keys.accountAddress,
      limits.perAccountAddress,
      now,
      limits,
      settledOnly,
    ),
  }
}

// A key's failures inside the window, newest first, at most `limit`; with `settledOnly`, not
// those still in flight.
async function recent(
  db: Kysely<Database>,
  key: string,
  limit: number,
  now: Date,
  limits: LoginLimits,
  settledOnly: boolean,
) {
  const since = new Date(now.getTime() - limits.windowMs)
  const staleBefore = new Date(now.getTime() - PENDING_STALE_MS)
  const rows = await db
    .selectFrom('loginFailures')
    .select('at')
    .where('key', '=', key)
    .where('at', '>', since)
    .$if(settledOnly, (q) =>
      q.where((eb) => eb.or([eb('pending', '=', false), eb('at', '<=', staleBefore)])),
    )
    .orderBy('at', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => r.at)
}

// Failures older than the window count for nothing: dropping them keeps the table tiny. Outside
// the locked transaction, so the locks are held no longer than the count needs.
async function deleteExpired(db: Kysely<Database>, limits: LoginLimits, now: Date) {
  await db
    .deleteFrom('loginFailures')
    .where('at', '<=', new Date(now.getTime() - limits.windowMs))
    .execute()
}

// The keys hold attacker-chosen text: their locks take the two-key form, with this constant as
// the first key, so they can never be the one-key locks the app takes on fixed names
// (hashtext('opsdeck:admins') …). Taken in ascending lock-id order, so two transactions needing
// the same locks cannot deadlock; the outer query calls the function row by row in the order the
// subquery sorted.
export const THROTTLE_LOCK_SPACE = 0x6f700001
export async function lockKeys(db: Kysely<Database>, names: string[]) {
  await sql`
    SELECT pg_advisory_xact_lock(${THROTTLE_LOCK_SPACE}::int, id)
    FROM (
      SELECT DISTINCT hashtext(name) AS id FROM unnest(${names}::text[]) AS name ORDER BY id
    ) AS locks
  `.execute(db)
}
