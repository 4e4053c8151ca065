import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

/** The service a maintenance route names, locked against a concurrent archive when asked. */
export async function findMaintainedService(
  db: Kysely<Database>,
  slug: string,
  opts: { forShare?: boolean } = {},
) {
  return db
    .selectFrom('services')
    .select(['id', 'slug', 'archivedAt'])
    .where('slug', '=', slug)
    .$if(opts.forShare === true, (q) => q.forShare())
    .executeTakeFirst()
}

// 'HH:MM' rather than PostgreSQL's 'HH:MM:SS': schedules are set to the minute.
const scheduleColumns = [
  'id',
  'isoWeekday',
  sql<string>`to_char(local_start, 'HH24:MI')`.as('localStart'),
  'durationMinutes',
  'timezone',
  'startsOn',
  'endsOn',
  'reason',
  'expandedUntil',
  'createdAt',
] as const

const windowColumns = ['id', 'startsAt', 'endsAt', 'reason', 'scheduleId'] as const

/** The window's state at `now`: upcoming, in progress, or ended. */
export function withState<W extends { startsAt: Date; endsAt: Date }>(w: W, now: Date) {
  const state = w.startsAt > now ? 'upcoming' : w.endsAt > now ? 'in-progress' : 'ended'
  return { ...w, state }
}

/** The service's windows that end after `since`, by start; and all its weekly schedules. */
export async function listMaintenance(db: Kysely<Database>, serviceId: number, since: Date) {
  const windows = await db
    .selectFrom('maintenanceWindows')
    .select(windowColumns)
    .where('serviceId', '=', serviceId)
    .where('endsAt', '>', since)
    .orderBy('startsAt')
    .orderBy('id')
    .execute()
  const schedules = await db
    .selectFrom('maintenanceSchedules')
    .select(scheduleColumns)
    .where('serviceId', '=', serviceId)
    .orderBy('id')
    .execute()
  return { windows, schedules }
}

export async function insertWindow(
  db: Kysely<Database>,
  w: { serviceId: number; startsAt: Date; endsAt: Date; reason: string; now: Date },
) {
  return db
    .insertInto('maintenanceWindows')
    .values({
      serviceId: w.serviceId,
      startsAt: w.startsAt,
      endsAt: w.endsAt,
      reason: w.reason,
      createdAt: w.now,
    })
    .returning(windowColumns)
    .executeTakeFirstOrThrow()
}

export async function insertSchedule(
  db: Kysely<Database>,
  s: {
    serviceId: number
    isoWeekday: number
    localStart: string
    durationMinutes: number
    timezone: string
    startsOn: string
    endsOn: string | null
    reason: string
    now: Date
  },
) {
  const { now, ...values } = s
  const row = await db
    .insertInto('maintenanceSchedules')
    .values({ ...values, createdAt: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findSchedule(db: Kysely<Database>, serviceId: number, id: number) {
  return db
    .selectFrom('maintenanceSchedules')
    .select(scheduleColumns)
    .where('serviceId', '=', serviceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export async function windowsOfSchedule(db: Kysely<Database>, scheduleId: number) {
  return db
    .selectFrom('maintenanceWindows')
    .select(windowColumns)
    .where('scheduleId', '=', scheduleId)
    .orderBy('startsAt')
    .execute()
}

export async function findWindow(db: Kysely<Database>, serviceId: number, id: number) {
  return db
    .selectFrom('maintenanceWindows')
    .select(windowColumns)
    .where('serviceId', '=', serviceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export async function deleteWindow(db: Kysely<Database>, id: number) {
  await db.deleteFrom('maintenanceWindows').where('id', '=', id).execute()
}

/**
 * Deletes the schedule and its occurrences that have not started by `now`; those that have stay
 * as history (their schedule_id becomes null). Returns how many occurrences went.
 */
export async function deleteSchedule(db: Kysely<Database>, id: number, now: Date) {
  const removed = await db
    .deleteFrom('maintenanceWindows')
    .where('scheduleId', '=', id)
    .where('startsAt', '>', now)
    .executeTakeFirst()
  await db.deleteFrom('maintenanceSchedules').where('id', '=', id).execute()
  return Number(removed.numDeletedRows)
}
