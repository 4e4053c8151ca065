import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { addressGroup } from './client-address.ts'
import type { LoginLimits } from './config.ts'

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

/** The keys one attempt is counted on. */
export interface LoginKeys {
  /** The account's email as typed, normalised: what a device cookie must belong to. */
  email: string
  address: string
  account: string
  accountAddress: string
  /** The device's own key: set once the attempt presented a valid device cookie. */
  device?: string | undefined
}

/** The rows an attempt was charged with: settle them with `confirmFailure` or `forgiveAttempt`. */
export type PendingAttempt = number[]

export const ACCOUNT_KEY_PREFIX = 'account:'
const ADDRESS_KEY_PREFIX = 'address:'
const ACCOUNT_ADDRESS_KEY_PREFIX = 'account-address:'
const DEVICE_KEY_PREFIX = 'device:'
export const normalEmail = (email: string) => email.trim().toLowerCase()
// JSON keeps email and address apart whatever characters the typed email holds.
const accountAddressPrefix = (account: string) =>
  `${ACCOUNT_ADDRESS_KEY_PREFIX}[${JSON.stringify(account)},`

export function loginKeys(email: string, address: string): LoginKeys {
  const account = normalEmail(email)
  const group = addressGroup(address)
  return {
    email: account,
    address: ADDRESS_KEY_PREFIX + group,
    account: ACCOUNT_KEY_PREFIX + account,
    accountAddress: `${accountAddressPrefix(account)}${JSON.stringify(group)}]`,
  }
}

/** The key a device's own failures are counted on, from its token's SHA-256. */
export const deviceKey = (tokenHash: Buffer) => DEVICE_KEY_PREFIX + tokenHash.toString('hex')

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
export function msOfDelay(failures: Date[], now: Date): number {
  const newest = failures[0]
  if (!newest || failures.length < DELAY_FROM) return 0
  const delay = Math.min(DELAY_MAX_MS, DELAY_BASE_MS * 2 ** (failures.length - DELAY_FROM))
  return Math.max(0, newest.getTime() + delay - now.getTime())
}

// While the limit-th newest failure is inside the window, the key is at its limit.
const untilBelow = (at: Date[], limit: number, windowMs: number, now: Date) => {
  const nth = at[limit - 1]
  return nth ? Math.max(0, nth.getTime() + windowMs - now.getTime()) : 0
}

// Past the ceiling, how many failures are counted: enough for the account-wide delay to reach
// its maximum (1 s × 2^6 > a minute).
const ACCOUNT_DELAY_STEPS = 7

/**
 * Milliseconds the account-wide delay holds an attempt without the account's device (0: none):
 * once the account has `perAccount` failures in the window, 1 s after the newest one, then 2, 4 …
 * up to a minute with each failure beyond. With attempts in flight counted, any one in flight
 * past the ceiling holds the next: they go one at a time.
 */
export function msOfAccountDelay(account: Date[], perAccount: number, now: Date): number {
  const newest = account[0]
  if (!newest || account.length < perAccount) return 0
  const delay = Math.min(DELAY_MAX_MS, DELAY_BASE_MS * 2 ** (account.length - perAccount))
  return Math.max(0, newest.getTime() + delay - now.getTime())
}

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

/** Forgets a key's failures; attempts still in flight settle as they will. */
export async function clearFailures(db: Kysely<Database>, key: string) {
  await db.deleteFrom('loginFailures').where('key', '=', key).where('pending', '=', false).execute()
}

/**
 * The admin's unlock: forgets every failure on an account, from every address and device, and
 * the address-wide failures of each address that failed on it (those may hold its owner back
 * too). Answers how many failed sign-ins on the account, and how many addresses, were forgotten.
 */
export async function clearAccountFailures(
  db: Kysely<Database>,
  account: { email: string; userId: number },
): Promise<{ failures: number; addresses: number }> {
  const email = normalEmail(account.email)
  const devices = await db
    .selectFrom('loginDevices')
    .select('tokenHash')
    .where('userId', '=', account.userId)
    .execute()
  const rows = await db
    .deleteFrom('loginFailures')
    .where((eb) =>
      eb.or([
        eb('key', '=', ACCOUNT_KEY_PREFIX + email),
        sql<boolean>`starts_with(key, ${accountAddressPrefix(email)})`,
        ...(devices.length
          ? [
              eb(
                'key',
                'in',
                devices.map((d) => deviceKey(d.tokenHash)),
              ),
            ]
          : []),
      ]),
    )
    .returning(['key', 'pending'])
    .execute()
  const addresses = [
    ...new Set(
      rows
        .filter((r) => r.key.startsWith(ACCOUNT_ADDRESS_KEY_PREFIX))
        .map((r) => {
          const [, group] = JSON.parse(r.key.slice(ACCOUNT_ADDRESS_KEY_PREFIX.length)) as string[]
          return ADDRESS_KEY_PREFIX + group!
        }),
    ),
  ]
  if (addresses.length) await db.deleteFrom('loginFailures').where('key', 'in', addresses).execute()
  return { failures: signInsOf(rows), addresses: addresses.length }
}

/** Forgets every recorded failure, on every key (`account:unlock --all`); answers how many. */
export async function clearAllFailures(db: Kysely<Database>): Promise<number> {
  return signInsOf(await db.deleteFrom('loginFailures').returning(['key', 'pending']).execute())
}

// A failed sign-in left one row on its account's key, or on its device's: count those.
const signInsOf = (rows: { key: string; pending: boolean }[]) =>
  rows.filter(
    (r) =>
      !r.pending && (r.key.startsWith(ACCOUNT_KEY_PREFIX) || r.key.startsWith(DEVICE_KEY_PREFIX)),
  ).length

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
