import { type Kysely, sql } from 'kysely'

/**
 * The work that one transaction at a time may do, across every process sharing the database: the
 * admins (none may be left without one), the first admin, the demo's check samples and daily
 * rollups, and the sample partitions.
 */
export type LockName =
  'opsdeck:admins' | 'opsdeck:first-admin' | 'opsdeck:demo-checks' | 'opsdeck:partitions'

/** Waits for the named lock, held until the caller's transaction ends. */
export async function lockFor(trx: Kysely<any>, name: LockName): Promise<void> {
  // Outside a transaction the lock would be released as soon as it is taken.
  if (!trx.isTransaction) throw new Error(`lockFor('${name}') needs the caller’s transaction`)
  await sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`.execute(trx)
}
