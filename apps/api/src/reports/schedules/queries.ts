import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'

const COLUMNS = [
  'id',
  'name',
  'periodKind',
  'runAtLocal',
  'emailTo',
  'webhookUrl',
  'shareDays',
  'enabled',
  'nextRunAt',
  'createdAt',
  'updatedAt',
] as const

// PostgreSQL gives a `time` as HH:MM:SS; schedules are set to the minute.
const shaped = <T extends { runAtLocal: string }>(row: T) => ({
  ...row,
  runAtLocal: row.runAtLocal.slice(0, 5),
})

export async function listSchedules(db: Kysely<Database>) {
  const rows = await db.selectFrom('reportSchedules').select(COLUMNS).orderBy('id').execute()
  return rows.map(shaped)
}

export async function findSchedule(db: Kysely<Database>, id: number, lock = false) {
  let query = db.selectFrom('reportSchedules').select(COLUMNS).where('id', '=', id)
  if (lock) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row && shaped(row)
}
export type ScheduleRow = NonNullable<Awaited<ReturnType<typeof findSchedule>>>

/** A schedule's delivery log: the latest 50, newest run first. */
export async function listDeliveries(db: Kysely<Database>, scheduleId: number) {
  return db
    .selectFrom('reportDeliveries')
    .select([
      'id',
      'runFor',
      'channel',
      'status',
      'attempts',
      'nextAttemptAt',
      'lastError',
      'sentAt',
      'snapshotId',
      'createdAt',
    ])
    .where('scheduleId', '=', scheduleId)
    .orderBy('runFor', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute()
}
