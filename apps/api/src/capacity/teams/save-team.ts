import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, diff, recordAudit } from '../../lib/audit.ts'
import type { NewTeam, TeamPatch } from './schemas.ts'

/** Adds a team, audited. Refused: a slug another team has (also when two requests race). */
export async function createTeam(db: Kysely<Database>, input: NewTeam, who: AuditContext) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('teams')
      .values({ ...input, createdAt: who.at })
      .onConflict((oc) => oc.column('slug').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!row) return { refused: 'slug_taken' } as const
    await recordAudit(trx, who, {
      entity: 'team',
      entityId: row.id,
      action: 'create',
      changes: created({ ...input }),
    })
    return { id: row.id } as const
  })
}

/** Renames a team, audited; the same name again writes nothing. Refused: no such team. */
export async function editTeam(
  db: Kysely<Database>,
  change: { slug: string; patch: TeamPatch },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('teams')
      .select(['id', 'name'])
      .where('slug', '=', change.slug)
      .forUpdate()
      .executeTakeFirst()
    if (!before) return { refused: 'team_not_found' } as const
    const changes = diff(before, change.patch)
    if (Object.keys(changes).length > 0) {
      await trx.updateTable('teams').set(change.patch).where('id', '=', before.id).execute()
      await recordAudit(trx, who, {
        entity: 'team',
        entityId: before.id,
        action: 'update',
        changes: { slug: change.slug, ...changes },
      })
    }
    return { id: before.id } as const
  })
}
