import { MAX_PROJECT_YEARS, yearsAfter } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, diff, recordAudit } from '../../lib/audit.ts'
import { lockProject, personExists, projectRecord, updateProject } from './queries.ts'
import type { ProjectPatch } from './schemas.ts'

/**
 * Changes some of a project's fields, audited field by field (`{ field: { from, to } }`), and
 * bumps its updatedAt. A date given alone is checked against the other, stored one. Refused: no
 * such project, an owner who is no person. A patch that changes nothing writes nothing.
 */
export async function editProject(
  db: Kysely<Database>,
  change: { code: string; patch: ProjectPatch },
  who: AuditContext,
) {
  const { code, patch } = change
  return db.transaction().execute(async (trx) => {
    const before = await lockProject(trx, code)
    if (!before) return { refused: 'project_not_found' } as const
    const startDate = patch.startDate ?? before.startDate
    const endDate = patch.endDate ?? before.endDate
    if (endDate < startDate) {
      // The schema has compared two given dates; here one of them is the stored one.
      const details = patch.endDate
        ? [{ path: 'json.endDate', message: `must be on or after startDate (${startDate})` }]
        : [{ path: 'json.startDate', message: `must be on or before endDate (${endDate})` }]
      return { refused: 'invalid', details } as const
    }
    if (endDate >= yearsAfter(startDate, MAX_PROJECT_YEARS)) {
      const limit = `${MAX_PROJECT_YEARS} years`
      const details = patch.endDate
        ? [
            {
              path: 'json.endDate',
              message: `must be less than ${limit} after startDate (${startDate})`,
            },
          ]
        : [
            {
              path: 'json.startDate',
              message: `must be less than ${limit} before endDate (${endDate})`,
            },
          ]
      return { refused: 'invalid', details } as const
    }
    const owner = patch.ownerPersonId
    if (typeof owner === 'number' && owner !== before.ownerPersonId) {
      if (!(await personExists(trx, owner))) return { refused: 'unknown_person' } as const
    }
    const { id } = before
    const changes = diff(before, patch)
    if (Object.keys(changes).length > 0) {
      await updateProject(trx, id, { ...patch, updatedAt: who.at })
      await recordAudit(trx, who, {
        entity: 'project',
        entityId: id,
        action: 'update',
        changes: { code, ...changes },
      })
    }
    const project = await projectRecord(trx, code)
    if (!project) throw new Error(`project ${code} vanished as it was changed`)
    return { project } as const
  })
}
