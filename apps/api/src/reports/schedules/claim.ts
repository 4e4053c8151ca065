import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { Period } from '../period.ts'
import { LEASE_MS } from './deliveries.ts'
import { loadScheduleCalendar, nextRunAfter, type ScheduleCalendar } from './next-run.ts'

const CLAIM_BATCH = 50

type Due = { periodKind: 'week' | 'month' | 'quarter'; runAtLocal: string; nextRunAt: Date }

// After an outage, only the latest run missed is made: the last whole period, not a backlog.
function runsOf(s: Due, now: Date, calendar: ScheduleCalendar) {
  let runFor = s.nextRunAt
  let next = nextRunAfter(s.periodKind, s.runAtLocal, runFor, calendar)
  while (next.getTime() <= now.getTime()) {
    runFor = next
    next = nextRunAfter(s.periodKind, s.runAtLocal, runFor, calendar)
  }
  return { runFor, next }
}

/**
 * Claims the enabled schedules due by `now` (rows locked, SKIP LOCKED: another worker takes
 * others or none), writes this run's delivery rows — the unique key makes a replay a no-op — and
 * moves each schedule on to its next run. Returns the number of runs made.
 */
export async function claimDueRuns(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('reportSchedules')
      .select(['id', 'periodKind', 'runAtLocal', 'nextRunAt', 'emailTo', 'webhookUrl'])
      .where('enabled', '=', true)
      .where('nextRunAt', '<=', now)
      .orderBy('nextRunAt')
      .limit(CLAIM_BATCH)
      .forUpdate()
      .skipLocked()
      .execute()
    if (due.length === 0) return 0
    const calendar = await loadScheduleCalendar(trx, due[0]?.nextRunAt ?? now)
    for (const s of due) {
      const { runFor, next } = runsOf(s, now, calendar)
      const channels = [
        ...(s.emailTo.length > 0 ? (['email'] as const) : []),
        ...(s.webhookUrl ? (['webhook'] as const) : []),
      ]
      if (channels.length > 0) {
        await trx
          .insertInto('reportDeliveries')
          .values(
            channels.map((channel) => ({ scheduleId: s.id, runFor, channel, nextAttemptAt: now })),
          )
          .onConflict((oc) => oc.columns(['scheduleId', 'runFor', 'channel']).doNothing())
          .execute()
      }
      await trx
        .updateTable('reportSchedules')
        .set({ nextRunAt: next })
        .where('id', '=', s.id)
        .execute()
    }
    return due.length
  })
}

export interface RunToFreeze {
  schedule: { id: number; name: string; periodKind: 'week' | 'month' | 'quarter' }
  runFor: Date
  deliveryIds: number[]
}

/**
 * Leases the delivery rows of one run that has no snapshot yet, all of them or none: workers
 * lock the schedule's row first, so two never split a run between them and freeze it twice.
 */
export async function leaseRunToFreeze(
  db: Kysely<Database>,
  now: Date,
  workerId: string,
): Promise<RunToFreeze | undefined> {
  return db.transaction().execute(async (trx) => {
    const runs = await trx
      .selectFrom('reportDeliveries')
      .select(['scheduleId', 'runFor'])
      .distinct()
      .where('status', '=', 'pending')
      .where('snapshotId', 'is', null)
      .where('nextAttemptAt', '<=', now)
      .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
      .orderBy('runFor')
      .limit(10)
      .execute()
    for (const run of runs) {
      const schedule = await trx
        .selectFrom('reportSchedules')
        .select(['id', 'name', 'periodKind'])
        .where('id', '=', run.scheduleId)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst()
      if (!schedule) continue
      const leased = await trx
        .updateTable('reportDeliveries')
        .set({ leaseUntil: new Date(now.getTime() + LEASE_MS), leasedBy: workerId })
        .where('scheduleId', '=', run.scheduleId)
        .where('runFor', '=', run.runFor)
        .where('status', '=', 'pending')
        .where('snapshotId', 'is', null)
        .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
        .returning('id')
        .execute()
      if (leased.length > 0)
        return { schedule, runFor: run.runFor, deliveryIds: leased.map((r) => r.id) }
    }
    return undefined
  })
}

/** The snapshot a schedule already froze for a period (a worker that froze it, then died). */
export async function findScheduledSnapshot(db: Kysely<Database>, scheduleId: number, p: Period) {
  const row = await db
    .selectFrom('reportSnapshots')
    .select('id')
    .where('scheduleId', '=', scheduleId)
    .where('periodKind', '=', p.kind)
    .where('firstDay', '=', p.firstDay)
    .orderBy('id')
    .executeTakeFirst()
  return row?.id
}

/** Stores the run's snapshot on its delivery rows and hands them back to the send queue. */
export async function attachSnapshot(
  db: Kysely<Database>,
  run: RunToFreeze,
  snapshotId: number,
  workerId: string,
) {
  await db
    .updateTable('reportDeliveries')
    .set({ snapshotId, leaseUntil: null, leasedBy: null })
    .where('id', 'in', run.deliveryIds)
    .where('leasedBy', '=', workerId)
    .execute()
}
