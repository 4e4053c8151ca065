import { setTimeout as sleep } from 'node:timers/promises'
import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { LoginLimits } from './config.ts'

// Failed sign-ins are counted in PostgreSQL, so every API instance agrees, on three keys over a
// sliding window (limits in config.ts):
// - address: an address trying many accounts is stopped, whichever accounts it names;
// - account from address: an address guessing one account is slowed, then stopped, without
//   touching the owner signing in from anywhere else;
// - account: past this much higher ceiling the account is under a distributed attack, and an
//   address that has failed on it must wait, while one that has not may still try.

/** The keys one attempt is counted on. */
export interface LoginKeys {
  address: string
  account: string
  accountAddress: string
}

/** The rows an attempt was charged with: settle them with `confirmFailure` or `forgiveAttempt`. */
export type PendingAttempt = number[]

export const ACCOUNT_KEY_PREFIX = 'account:'
const normalEmail = (email: string) => email.trim().toLowerCase()
// JSON keeps email and address apart whatever characters the typed email holds.
const accountAddressPrefix = (account: string) => `account-address:[${JSON.stringify(account)},`

export function loginKeys(email: string, address: string): LoginKeys {
  const account = normalEmail(email)
  return {
    address: `address:${address}`,
    account: ACCOUNT_KEY_PREFIX + account,
    accountAddress: `${accountAddressPrefix(account)}${JSON.stringify(address)}]`,
  }
}

/** Each key's failures inside the window, newest first (at most as many as its limit). */
export interface Failures {
  address: Date[]
  account: Date[]
  accountAddress: Date[]
}

// From an address's third failure on an account, its next try waits 1 s, then 2, 4 … up to a
// minute: a typo costs nothing, a guesser gets slower well before the hard limit.
const DELAY_FROM = 3
const DELAY_BASE_MS = 1_000
const DELAY_MAX_MS = 60_000

/** Milliseconds until an attempt with these failures on its keys may go ahead (0: now). */
export function msUntilAllowed(failures: Failures, limits: LoginLimits, now: Date): number {
  const t = now.getTime()
  // While the limit-th newest failure is inside the window, the key is at its limit.
  const untilBelow = (at: Date[], limit: number) => {
    const nth = at[limit - 1]
    return nth ? nth.getTime() + limits.windowMs - t : 0
  }
  const mine = failures.accountAddress
  const underAttack = untilBelow(failures.account, limits.perAccount)
  // Under attack, an address that has failed on the account waits for the attack to ebb or for
  // its own failures to leave the window; an address that has not failed goes ahead.
  const failedHere =
    underAttack > 0 && mine.length > 0 ? Math.min(underAttack, untilBelow(mine, 1)) : 0
  const delay =
    mine.length >= DELAY_FROM
      ? mine[0]!.getTime() +
        Math.min(DELAY_MAX_MS, DELAY_BASE_MS * 2 ** (mine.length - DELAY_FROM)) -
        t
      : 0
  return Math.max(
    0,
    untilBelow(failures.address, limits.perAddress),
    untilBelow(mine, limits.perAccountAddress),
    failedHere,
    delay,
  )
}

// A pending row older than this belongs to an attempt that died before settling: a failure.
const PENDING_STALE_MS = 60_000
// How long an attempt waits for parallel attempts on its keys to settle, and how often it looks.
const IN_FLIGHT_WAIT_MS = 5_000
const IN_FLIGHT_POLL_MS = 20

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
  const names = [keys.address, keys.account, keys.accountAddress]
  const deadline = performance.now() + IN_FLIGHT_WAIT_MS
  for (;;) {
    const step = await db.transaction().execute(async (trx) => {
      await lockKeys(trx, names)
      const all = await failuresOf(trx, keys, limits, now, { settledOnly: false })
      if (msUntilAllowed(all, limits, now) === 0) {
        const rows = await trx
          .insertInto('loginFailures')
          .values(names.map((key) => ({ key, at: now, pending: true })))
          .returning('id')
          .execute()
        return { pending: rows.map((r) => r.id) }
      }
      const settled = await failuresOf(trx, keys, limits, now, { settledOnly: true })
      const wait = msUntilAllowed(settled, limits, now)
      return wait > 0 ? { retryAfter: Math.ceil(wait / 1000) } : ('in_flight' as const)
    })
    if (step !== 'in_flight') {
      await deleteExpired(db, limits, now)
      return step
    }
    if (performance.now() > deadline) return { retryAfter: 1 }
    await sleep(IN_FLIGHT_POLL_MS)
  }
}

/** The password was wrong: the charged attempt is a failure. */
export async function confirmFailure(db: Kysely<Database>, pending: PendingAttempt) {
  if (pending.length) {
    await db
      .updateTable('loginFailures')
      .set({ pending: false })
      .where('id', 'in', pending)
      .execute()
  }
}

/** The password was right: the attempt charged by `chargeAttempt` was no failure. */
export async function forgiveAttempt(db: Kysely<Database>, pending: PendingAttempt) {
  if (pending.length) await db.deleteFrom('loginFailures').where('id', 'in', pending).execute()
}

/** Forgets a key's failures; attempts still in flight settle as they will. */
export async function clearFailures(db: Kysely<Database>, key: string) {
  await db.deleteFrom('loginFailures').where('key', '=', key).where('pending', '=', false).execute()
}

/**
 * Forgets every failure on an account, from every address (the admin's unlock); addresses'
 * own counters stay. Answers how many failed sign-ins were forgotten.
 */
export async function clearAccountFailures(db: Kysely<Database>, email: string): Promise<number> {
  const account = normalEmail(email)
  const rows = await db
    .deleteFrom('loginFailures')
    .where((eb) =>
      eb.or([
        eb('key', '=', ACCOUNT_KEY_PREFIX + account),
        sql<boolean>`starts_with(key, ${accountAddressPrefix(account)})`,
      ]),
    )
    .returning(['key', 'pending'])
    .execute()
  return rows.filter((r) => r.key === ACCOUNT_KEY_PREFIX + account && !r.pending).length
}

async function failuresOf(
  db: Kysely<Database>,
  keys: LoginKeys,
  limits: LoginLimits,
  now: Date,
  { settledOnly }: { settledOnly: boolean },
): Promise<Failures> {
  const since = new Date(now.getTime() - limits.windowMs)
  const staleBefore = new Date(now.getTime() - PENDING_STALE_MS)
  const recent = async (key: string, limit: number) => {
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
  return {
    address: await recent(keys.address, limits.perAddress),
    account: await recent(keys.account, limits.perAccount),
    accountAddress: await recent(keys.accountAddress, limits.perAccountAddress),
  }
}

// Failures older than the window count for nothing: dropping them keeps the table tiny. Outside
// the locked transaction, so the locks are held no longer than the count needs.
async function deleteExpired(db: Kysely<Database>, limits: LoginLimits, now: Date) {
  await db
    .deleteFrom('loginFailures')
    .where('at', '<=', new Date(now.getTime() - limits.windowMs))
    .execute()
}

// Taken in ascending lock-id order, so two transactions needing the same locks cannot deadlock;
// the outer query calls the function row by row in the order the subquery sorted.
async function lockKeys(db: Kysely<Database>, names: string[]) {
  await sql`
    SELECT pg_advisory_xact_lock(id)
    FROM (
      SELECT DISTINCT hashtext(name) AS id FROM unnest(${names}::text[]) AS name ORDER BY id
    ) AS locks
  `.execute(db)
}
