import { type Kysely, sql } from 'kysely'
import { lockFor } from './locks.ts'
import type { Database } from './schema/index.ts'
import { weeklyOccurrences } from './weekly-occurrences.ts'

export interface ExpandOptions {
  now: Date
  /** Occurrences are written up to now + this many days. */
  horizonDays: number
  /** Only these schedules (the one an API request just made); every schedule when absent. */
  scheduleIds?: readonly number[]
}

export interface ExpandResult {
  /** Schedules looked at. */
  schedules: number
  /** Occurrences written (ones already there are not counted). */
  inserted: number
}

const DAY_MS = 86_400_000

/** How far ahead the worker keeps the occurrences written, and the API writes a new schedule's. */
export const MAINTENANCE_HORIZON_DAYS = 56

/**
 * Writes the weekly maintenance schedules' occurrences into maintenance_windows ahead of time,
 * from where each was last expanded (expanded_until) up to now + horizonDays, and moves
 * expanded_until on. Occurrences that would start before `now` are not written: samples already
 * recorded keep their accounting, so a window in the past would only mislead. Idempotent (the
 * unique (schedule_id, starts_at) index and ON CONFLICT DO NOTHING), one run at a time across
 * processes (an advisory lock), in the caller's transaction when given one. Schedules of
 * archived services are left alone.
 */
export async function expandMaintenanceSchedules(
  db: Kysely<Database>,
  options: ExpandOptions,
): Promise<ExpandResult> {
  const { now, horizonDays, scheduleIds } = options
  const to = new Date(now.getTime() + horizonDays * DAY_MS)
  const expand = async (trx: Kysely<Database>): Promise<ExpandResult> => {
    await lockFor(trx, 'opsdeck:maintenance-schedules')
    if (scheduleIds?.length === 0) return { schedules: 0, inserted: 0 }
    // FOR UPDATE: a schedule deleted meanwhile waits for us rather than lose its windows' key.
    const schedules = await trx
      .selectFrom('maintenanceSchedules as m')
      .innerJoin('services as s', 's.id', 'm.serviceId')
      .select([
        'm.id',
        'm.serviceId',
        'm.isoWeekday',
        'm.localStart',
        'm.durationMinutes',
        'm.timezone',
        'm.reason',
        'm.startsOn',
        'm.endsOn',
        'm.expandedUntil',
      ])
      .where('s.archivedAt', 'is', null)
      .where((eb) => eb.or([eb('m.expandedUntil', 'is', null), eb('m.expandedUntil', '<', to)]))
      // A schedule that ended before the days already expanded has nothing left to write.
      .where(
        sql<boolean>`(m.ends_on IS NULL OR m.expanded_until IS NULL
        OR m.expanded_until < m.ends_on + 2)`,
      )
      .$if(scheduleIds !== undefined, (q) => q.where('m.id', 'in', scheduleIds!))
      .orderBy('m.id')
      .forUpdate('m')
      .execute()
    if (schedules.length === 0) return { schedules: 0, inserted: 0 }

    const rows = schedules.flatMap((s) => {
      const from = s.expandedUntil && s.expandedUntil > now ? s.expandedUntil : now
      return weeklyOccurrences(s, from, to).map((o) => ({
        serviceId: s.serviceId,
        scheduleId: s.id,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        reason: s.reason,
        createdAt: now,
      }))
    })
    let inserted = 0
    if (rows.length > 0) {
      const result = await trx
        .insertInto('maintenanceWindows')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
      inserted = Number(result.numInsertedOrUpdatedRows ?? 0)
    }
    await trx
      .updateTable('maintenanceSchedules')
      .set({ expandedUntil: sql`greatest(expanded_until, ${to}::timestamptz)` })
      .where(
        'id',
        'in',
        schedules.map((s) => s.id),
      )
      .execute()
    return { schedules: schedules.length, inserted }
  }
  // Kysely cannot nest transactions: inside the caller's (the API's create), use it as it is.
  if (db.isTransaction) return expand(db)
  return db.transaction().execute(expand)
}
