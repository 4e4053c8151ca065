import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import type { LoginLimits } from './config.ts'

export interface ThrottleKey {
  key: string
  limit: number
}

/** The rows an attempt was charged with, to take back if the password turns out right. */
export type PendingAttempt = number[]

/** The two counters a sign-in attempt is charged to: the account named and the client address. */
export function loginThrottleKeys(
  email: string,
  address: string,
  limits: LoginLimits,
): [account: ThrottleKey, address: ThrottleKey] {
  return [
    { key: `account:${email.trim().toLowerCase()}`, limit: limits.perAccount },
    { key: `address:${address}`, limit: limits.perAddress },
  ]
}

/**
 * Seconds until every key is below its limit again (0: go ahead). A sliding window: a key is
 * blocked while its limit-th most recent failure is inside the window.
 */
export async function secondsUntilAllowed(
  db: Kysely<Database>,
  keys: ThrottleKey[],
  now: Date,
  windowMs: number,
): Promise<number> {
  const since = new Date(now.getTime() - windowMs)
  let waitMs = 0
  for (const { key, limit } of keys) {
    const nth = await db
      .selectFrom('loginFailures')
      .select('at')
      .where('key', '=', key)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(1)
      .offset(limit - 1)
      .executeTakeFirst()
    if (nth) waitMs = Math.max(waitMs, nth.at.getTime() + windowMs - now.getTime())
  }
  return Math.ceil(waitMs / 1000)
}

/**
 * Checks the keys and, when they allow it, charges the attempt as a failure before the (slow)
 * password check, all under a lock per key: parallel attempts queue here and each one sees the
 * others' charges, so no more than the limit can get through at once. Either `retryAfter`
 * seconds, or the pending rows to take back with `forgiveAttempt` when the password is right.
 */
export async function chargeAttempt(
  db: Kysely<Database>,
  keys: ThrottleKey[],
  now: Date,
  windowMs: number,
): Promise<{ retryAfter: number } | { pending: PendingAttempt }> {
  const result = await db.transaction().execute(async (trx) => {
    await lockKeys(trx, keys)
    const retryAfter = await secondsUntilAllowed(trx, keys, now, windowMs)
    if (retryAfter > 0) return { retryAfter }
    const rows = await trx
      .insertInto('loginFailures')
      .values(keys.map(({ key }) => ({ key, at: now })))
      .returning('id')
      .execute()
    return { pending: rows.map((r) => r.id) }
  })
  // Failures older than the window count for nothing: dropping them keeps the table tiny. Outside
  // the locked transaction, so the locks are held no longer than the count needs.
  await db
    .deleteFrom('loginFailures')
    .where('at', '<=', new Date(now.getTime() - windowMs))
    .execute()
  return result
}

/** The password was right: the attempt charged by `chargeAttempt` was no failure. */
export async function forgiveAttempt(db: Kysely<Database>, pending: PendingAttempt) {
  if (pending.length) await db.deleteFrom('loginFailures').where('id', 'in', pending).execute()
}

export async function clearFailures(db: Kysely<Database>, key: string) {
  await db.deleteFrom('loginFailures').where('key', '=', key).execute()
}

// Taken in ascending lock-id order, so two transactions needing the same locks cannot deadlock;
// the outer query calls the function row by row in the order the subquery sorted.
async function lockKeys(db: Kysely<Database>, keys: ThrottleKey[]) {
  const names = keys.map((k) => k.key)
  await sql`
    SELECT pg_advisory_xact_lock(id)
    FROM (
      SELECT DISTINCT hashtext(name) AS id FROM unnest(${names}::text[]) AS name ORDER BY id
    ) AS locks
  `.execute(db)
}
