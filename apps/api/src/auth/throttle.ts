import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { LoginLimits } from './config.ts'

export interface ThrottleKey {
  key: string
  limit: number
}

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

export async function recordFailure(
  db: Kysely<Database>,
  keys: ThrottleKey[],
  now: Date,
  windowMs: number,
) {
  await db
    .insertInto('loginFailures')
    .values(keys.map(({ key }) => ({ key, at: now })))
    .execute()
  // Failures older than the window count for nothing: dropping them keeps the table tiny.
  await db
    .deleteFrom('loginFailures')
    .where('at', '<=', new Date(now.getTime() - windowMs))
    .execute()
}

export async function clearFailures(db: Kysely<Database>, key: string) {
  await db.deleteFrom('loginFailures').where('key', '=', key).execute()
}
