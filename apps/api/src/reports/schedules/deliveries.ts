import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'

/** How long a worker holds a delivery (or a run to freeze) before another may take it. */
export const LEASE_MS = 2 * 60_000
/** A delivery that has failed this many times is given up ('failed'). */
export const MAX_ATTEMPTS = 6
const BACKOFF_FIRST_MS = 60_000
const BACKOFF_CAP_MS = 3_600_000

/** The wait after the nth failed attempt: 1 min, 2, 4, … at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_FIRST_MS * 2 ** Math.max(attempts - 1, 0), BACKOFF_CAP_MS)
}

/**
 * Leases one delivery ready to send (a snapshot, due, nobody else's live lease); SKIP LOCKED, so
 * two workers never take the same one. One at a time: a lease must outlast its own send.
 */
export async function leaseDelivery(db: Kysely<Database>, now: Date, workerId: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('reportDeliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('snapshotId', 'is not', null)
      .where('nextAttemptAt', '<=', now)
      .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst()
    if (!row) return undefined
    await trx
      .updateTable('reportDeliveries')
      .set({ leaseUntil: new Date(now.getTime() + LEASE_MS), leasedBy: workerId })
      .where('id', '=', row.id)
      .execute()
    return row.id
  })
}

/**
 * Extends this worker's lease just before it sends; false when the lease ran out meanwhile (a slow
 * PDF) and another worker took the delivery over, which then sends it instead.
 */
export async function renewLease(db: Kysely<Database>, id: number, workerId: string, now: Date) {
  const renewed = await db
    .updateTable('reportDeliveries')
    .set({ leaseUntil: new Date(now.getTime() + LEASE_MS) })
    .where('id', '=', id)
    .where('leasedBy', '=', workerId)
    .where('status', '=', 'pending')
    .where('leaseUntil', '>=', now)
    .executeTakeFirst()
  return renewed.numUpdatedRows > 0n
}

/** What sending a delivery needs: its channel, its schedule's addresses, its snapshot. */
export async function loadDelivery(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('reportDeliveries as d')
    .innerJoin('reportSchedules as s', 's.id', 'd.scheduleId')
    .innerJoin('reportSnapshots as r', 'r.id', 'd.snapshotId')
    .select([
      'd.id',
      'd.channel',
      'd.attempts',
      'd.runFor',
      's.id as scheduleId',
      's.name',
      's.emailTo',
      's.webhookUrl',
      's.shareDays',
      's.createdByUserId',
      'r.id as snapshotId',
      'r.periodKind',
      'r.firstDay',
      'r.lastDay',
      'r.frozenAt',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst()
}
export type Delivery = NonNullable<Awaited<ReturnType<typeof loadDelivery>>>

/** Sent: only by the worker that holds the lease. An earlier attempt's error stays in the log. */
export async function recordSent(db: Kysely<Database>, id: number, workerId: string, now: Date) {
  await db
    .updateTable('reportDeliveries')
    .set((eb) => ({
      status: 'sent',
      sentAt: now,
      attempts: eb('attempts', '+', 1),
      leaseUntil: null,
      leasedBy: null,
    }))
    .where('id', '=', id)
    .where('leasedBy', '=', workerId)
    .execute()
}

/**
 * A failed attempt: try again after the back-off, or give up after MAX_ATTEMPTS — or at once when
 * the failure is `permanent` (trying again cannot mend it).
 */
export async function recordFailure(
  db: Kysely<Database>,
  ids: readonly number[],
  workerId: string,
  now: Date,
  error: string,
  permanent = false,
) {
  if (ids.length === 0) return
  const rows = await db
    .selectFrom('reportDeliveries')
    .select(['id', 'attempts'])
    .where('id', 'in', ids)
    .where('leasedBy', '=', workerId)
    .execute()
  for (const { id, attempts } of rows) {
    const made = attempts + 1
    await db
      .updateTable('reportDeliveries')
      .set({
        attempts: made,
        status: permanent || made >= MAX_ATTEMPTS ? 'failed' : 'pending',
        lastError: error,
        nextAttemptAt: permanent ? now : new Date(now.getTime() + backoffMs(made)),
        leaseUntil: null,
        leasedBy: null,
      })
      .where('id', '=', id)
      .where('leasedBy', '=', workerId)
      .execute()
  }
}
