import { type Kysely, sql } from 'kysely'

/**
 * The work that one transaction at a time may do, across every process sharing the database: the
 * admins (none may be left without one), the first admin, the demo's check samples and daily
 * rollups, the sample partitions, re-labelling the daily rollups into a new time zone, and
 * expanding the weekly maintenance schedules.
 */
export type LockName =
  | 'opsdeck:admins'
  | 'opsdeck:first-admin'
  | 'opsdeck:demo-checks'
  | 'opsdeck:partitions'
  | 'opsdeck:daily-rollup-zone'
  | 'opsdeck:maintenance-schedules'

/** Waits for the named lock, held until the caller's transaction ends. */
export async function lockFor(trx: Kysely<any>, name: LockName): Promise<void> {
  // Outside a transaction the lock would be released as soon as it is taken.
  if (!trx.isTransaction) throw new Error(`lockFor('${name}') needs the caller’s transaction`)
  await sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`.execute(trx)
}

/**
 * Takes the named lock if no other transaction holds it, until the caller's transaction ends:
 * for work that another process may be doing for minutes, where waiting would outlast the pool's
 * query deadline and the caller can as well come back later.
 */
export async function tryLockFor(trx: Kysely<any>, name: LockName): Promise<boolean> {
  if (!trx.isTransaction) throw new Error(`tryLockFor('${name}') needs the caller’s transaction`)
  const { rows } = await sql<{ taken: boolean }>`
    SELECT pg_try_advisory_xact_lock(hashtext(${name})) AS taken`.execute(trx)
  return rows[0]?.taken === true
}
