import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, recordAudit } from '../../lib/audit.ts'
import { insertBudgetLines, insertProject, personExists, projectRecord } from './queries.ts'
import type { NewProject } from './schemas.ts'

/**
 * Adds a project with its budget lines, audited in one row (the lines as `lines`). Refused: a
 * code another project has (also when two requests race for it), an owner who is no person.
 */
export async function createProject(db: Kysely<Database>, input: NewProject, who: AuditContext) {
  return db.transaction().execute(async (trx) => {
    const { lines, ...fields } = input
    if (fields.ownerPersonId !== null && !(await personExists(trx, fields.ownerPersonId))) {
      return { refused: 'unknown_person' } as const
    }
    const row = await insertProject(trx, { ...fields, createdAt: who.at, updatedAt: who.at })
    if (!row) return { refused: 'project_code_taken' } as const
    const written = await insertBudgetLines(trx, row.id, lines)
    await recordAudit(trx, who, {
      entity: 'project',
      entityId: row.id,
      action: 'create',
      changes: created({ ...fields, lines: written }),
    })
    const project = await projectRecord(trx, fields.code)
    if (!project) throw new Error(`project ${fields.code} vanished as it was made`)
    return { project } as const
  })
}
