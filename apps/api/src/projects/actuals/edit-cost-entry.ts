import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, diff, recordAudit } from '../../lib/audit.ts'
import { findProject } from '../project-ref.ts'
import { findCostEntry, projectLines, storedCostEntry, takenReferences } from './queries.ts'
import type { CostEntryPatch } from './schemas.ts'

/**
 * PATCH /projects/:code/actuals/:id: changes an entry's fields, audited (`update_cost_entry`
 * with each field's from/to). Booking it to a line takes the line's category and spend type
 * unless the patch gives them. Refused: no such project or entry in it, a line that is not the
 * project's, a reference used by another entry. A patch that changes nothing writes nothing.
 */
export async function editCostEntry(
  db: Kysely<Database>,
  change: { code: string; id: number; patch: CostEntryPatch },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const project = await findProject(trx, change.code)
    if (!project) return { refused: 'project_not_found' } as const
    const before = await storedCostEntry(trx, project.id, change.id, { lock: true })
    if (!before) return { refused: 'cost_entry_not_found' } as const
    const patch = { ...change.patch }
    if (typeof patch.budgetLineId === 'number') {
      const line = (await projectLines(trx, project.id)).get(patch.budgetLineId)
      if (!line) return { refused: 'unknown_budget_line' } as const
      patch.category ??= line.category
      patch.spendType ??= line.spendType
    }
    if (patch.reference !== undefined && patch.reference !== before.reference) {
      const taken = await takenReferences(trx, project.id, [patch.reference], before.id)
      if (taken.size > 0) return { refused: 'reference_taken' } as const
    }

    const changes = diff(before, patch)
    if (Object.keys(changes).length > 0) {
      await trx.updateTable('costEntries').set(patch).where('id', '=', before.id).execute()
      await recordAudit(trx, who, {
        entity: 'project',
        entityId: project.id,
        action: 'update_cost_entry',
        changes: { code: project.code, costEntryId: before.id, ...changes },
      })
    }
    const entry = await findCostEntry(trx, project.id, before.id)
    if (!entry) throw new Error(`cost entry ${before.id} is gone`)
    return { entry } as const
  })
}

/** DELETE /projects/:code/actuals/:id: audited (`delete_cost_entry`, each field to null). */
export async function deleteCostEntry(
  db: Kysely<Database>,
  change: { code: string; id: number },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const project = await findProject(trx, change.code)
    if (!project) return { refused: 'project_not_found' } as const
    const before = await storedCostEntry(trx, project.id, change.id, { lock: true })
    if (!before) return { refused: 'cost_entry_not_found' } as const
    await trx.deleteFrom('costEntries').where('id', '=', before.id).execute()
    const { id, ...fields } = before
    const changes = Object.fromEntries(
      Object.entries(fields).map(([field, from]) => [field, { from, to: null }]),
    )
    await recordAudit(trx, who, {
      entity: 'project',
      entityId: project.id,
      action: 'delete_cost_entry',
      changes: { code: project.code, costEntryId: id, ...changes },
    })
    return { deleted: true } as const
  })
}
