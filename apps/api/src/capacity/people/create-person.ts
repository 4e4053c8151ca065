import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, recordAudit } from '../../lib/audit.ts'
import { emailTaken, organisationDay, personRecord, teamExists } from './queries.ts'
import type { NewPerson } from './schemas.ts'

/**
 * Adds a person, audited; the insert trigger opens their first team membership from their start
 * day. Refused: a team that does not exist, an email another person has (in any case).
 */
export async function createPerson(db: Kysely<Database>, input: NewPerson, who: AuditContext) {
  return db.transaction().execute(async (trx) => {
    if (!(await teamExists(trx, input.teamId))) return { refused: 'unknown_team' } as const
    if (input.email !== null && (await emailTaken(trx, input.email))) {
      return { refused: 'email_taken' } as const
    }
    const row = await trx
      .insertInto('people')
      .values({ ...input, createdAt: who.at, updatedAt: who.at })
      // Two requests racing for one email: the second is refused, not a 500.
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!row) return { refused: 'email_taken' } as const
    await recordAudit(trx, who, {
      entity: 'person',
      entityId: row.id,
      action: 'create',
      changes: created({ ...input }),
    })
    const person = await personRecord(trx, row.id, await organisationDay(trx, who.at))
    if (!person) throw new Error(`person ${row.id} vanished as they were added`)
    return { person } as const
  })
}
