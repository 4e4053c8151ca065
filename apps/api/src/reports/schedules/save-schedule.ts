import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, diff, recordAudit } from '../../lib/audit.ts'
import { loadScheduleCalendar, nextRunAfter } from './next-run.ts'
import { findSchedule } from './queries.ts'
import type { NewSchedule, SchedulePatch } from './schemas.ts'

const ENTITY = 'report_schedule'

/** Adds a schedule, its first run computed from now; audited. */
export async function createSchedule(db: Kysely<Database>, input: NewSchedule, who: AuditContext) {
  return db.transaction().execute(async (trx) => {
    const calendar = await loadScheduleCalendar(trx, who.at)
    const nextRunAt = nextRunAfter(input.periodKind, input.runAtLocal, who.at, calendar)
    const row = await trx
      .insertInto('reportSchedules')
      .values({
        ...input,
        nextRunAt,
        createdByUserId: who.actor.userId,
        createdAt: who.at,
        updatedAt: who.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, who, {
      entity: ENTITY,
      entityId: row.id,
      action: 'create',
      changes: created({ ...input, nextRunAt: nextRunAt.toISOString() }),
    })
    return (await findSchedule(trx, row.id))!
  })
}

/**
 * Changes a schedule, audited; the same values again write nothing. A new period kind or time,
 * or enabling it again, moves its next run to the first one from now. Refused: no such schedule,
 * or a change that leaves it nowhere to deliver.
 */
export async function editSchedule(
  db: Kysely<Database>,
  change: { id: number; patch: SchedulePatch },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const before = await findSchedule(trx, change.id, true)
    if (!before) return { refused: 'not_found' } as const
    const after = { ...before, ...change.patch }
    if (after.emailTo.length === 0 && after.webhookUrl === null) {
      return { refused: 'no_channel' } as const
    }
    const changes = diff(before, change.patch)
    if (Object.keys(changes).length === 0) return { schedule: before } as const
    const retimed =
      'periodKind' in changes ||
      'runAtLocal' in changes ||
      (changes.enabled !== undefined && after.enabled)
    let nextRunAt = before.nextRunAt
    if (retimed) {
      const calendar = await loadScheduleCalendar(trx, who.at)
      nextRunAt = nextRunAfter(after.periodKind, after.runAtLocal, who.at, calendar)
      if (nextRunAt.getTime() !== before.nextRunAt.getTime()) {
        changes.nextRunAt = { from: before.nextRunAt.toISOString(), to: nextRunAt.toISOString() }
      }
    }
    await trx
      .updateTable('reportSchedules')
      .set({ ...change.patch, nextRunAt, updatedAt: who.at })
      .where('id', '=', change.id)
      .execute()
    await recordAudit(trx, who, { entity: ENTITY, entityId: change.id, action: 'update', changes })
    return { schedule: (await findSchedule(trx, change.id))! } as const
  })
}

/** Deletes a schedule and its delivery log (its snapshots stay); audited. */
export async function deleteSchedule(db: Kysely<Database>, id: number, who: AuditContext) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('reportSchedules')
      .where('id', '=', id)
      .returning(['id', 'name'])
      .executeTakeFirst()
    if (!row) return false
    await recordAudit(trx, who, {
      entity: ENTITY,
      entityId: id,
      action: 'delete',
      changes: { name: { from: row.name, to: null } },
    })
    return true
  })
}
