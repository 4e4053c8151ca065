import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, recordAudit } from '../../lib/audit.ts'
import { deleteProject, lockProject, projectUsage } from './queries.ts'

/**
 * Deletes a project entered by mistake, with its budget lines and baselines, audited. A project
 * with actuals or progress is history (the portfolio's figures were reported with it), and one
 * people are booked to is in capacity plans: it is cancelled or closed instead.
 */
export async function removeProject(db: Kysely<Database>, code: string, who: AuditContext) {
  return db.transaction().execute(async (trx) => {
    const before = await lockProject(trx, code)
    if (!before) return { refused: 'project_not_found' } as const
    const usage = await projectUsage(trx, before.id)
    if (usage.costEntries > 0 || usage.progress > 0) {
      return { refused: 'project_has_actuals', ...usage } as const
    }
    if (usage.allocations > 0) return { refused: 'project_has_allocations', ...usage } as const
    await deleteProject(trx, before.id)
    const { id, ...fields } = before
    await recordAudit(trx, who, {
      entity: 'project',
      entityId: id,
      action: 'delete',
      changes: Object.fromEntries(
        Object.entries(fields).map(([k, from]) => [k, { from, to: null }]),
      ),
    })
    return { deleted: true } as const
  })
}
