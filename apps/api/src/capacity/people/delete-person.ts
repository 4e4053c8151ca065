import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, recordAudit } from '../../lib/audit.ts'
import { lockPerson, personUsage } from './queries.ts'

/**
 * Deletes a person added by mistake, with their team memberships, audited. Someone with
 * allocations, time off, incident history (commanded, logged hours, follow-ups) or projects they
 * own is in plans and reports: they are given a leave date instead.
 */
export async function removePerson(db: Kysely<Database>, id: number, who: AuditContext) {
  return db.transaction().execute(async (trx) => {
    const before = await lockPerson(trx, id)
    if (!before) return { refused: 'person_not_found' } as const
    const usage = await personUsage(trx, id)
    if (Object.values(usage).some((n) => n > 0)) {
      return { refused: 'person_in_use', name: before.name, usage } as const
    }
    await trx.deleteFrom('people').where('id', '=', id).execute()
    const fields: Record<string, unknown> = { ...before }
    delete fields.id
    await recordAudit(trx, who, {
      entity: 'person',
      entityId: id,
      action: 'delete',
      changes: Object.fromEntries(
        Object.entries(fields).map(([k, from]) => [k, { from, to: null }]),
      ),
    })
    return { deleted: true } as const
  })
}
