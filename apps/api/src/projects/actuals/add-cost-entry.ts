import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { AuditContext } from '../../lib/audit.ts'
import { findProject } from '../project-ref.ts'
import { insertCostEntries } from './add-cost-entries.ts'
import { findCostEntry } from './queries.ts'
import type { NewCostEntry } from './schemas.ts'

/**
 * POST /projects/:code/actuals: one entry and its audit row. Refused: no such project, a budget
 * line that is not the project's, a reference the project already uses.
 */
export async function addCostEntry(
  db: Kysely<Database>,
  change: { code: string; entry: NewCostEntry },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const project = await findProject(trx, change.code)
    if (!project) return { refused: 'project_not_found' } as const
    const result = await insertCostEntries(trx, project, [change.entry], who)
    if ('refused' in result) return { refused: result.refused } as const
    const written = result.inserted[0]
    if (!written) return { refused: 'reference_taken' } as const
    const entry = await findCostEntry(trx, project.id, written.id)
    if (!entry) throw new Error(`cost entry ${written.id} is gone`)
    return { entry } as const
  })
}
