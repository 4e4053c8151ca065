import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, recordAudit } from '../../lib/audit.ts'

// POST /closure-days and DELETE /closure-days/:day, each with its audit row (entity closure_day).

export async function addClosureDay(
  db: Kysely<Database>,
  fields: { day: string; name: string },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('closureDays')
      .values({ ...fields, createdAt: who.at })
      .onConflict((oc) => oc.column('day').doNothing())
      .returning(['day', 'name', 'createdAt'])
      .executeTakeFirst()
    if (!row) {
      const taken = await trx
        .selectFrom('closureDays')
        .select('name')
        .where('day', '=', fields.day)
        .executeTakeFirstOrThrow()
      return { taken: taken.name } as const
    }
    await recordAudit(trx, who, {
      entity: 'closure_day',
      entityId: fields.day,
      action: 'create',
      changes: { name: { from: null, to: fields.name } },
    })
    return { closureDay: row } as const
  })
}

export async function deleteClosureDay(db: Kysely<Database>, day: string, who: AuditContext) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('closureDays')
      .where('day', '=', day)
      .returning('name')
      .executeTakeFirst()
    if (!row) return { deleted: false } as const
    await recordAudit(trx, who, {
      entity: 'closure_day',
      entityId: day,
      action: 'delete',
      changes: { name: { from: row.name, to: null } },
    })
    return { deleted: true } as const
  })
}
