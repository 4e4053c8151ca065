import type { Database } from '@opsdeck/db'
import type { Kysely, Transaction } from 'kysely'
import { type AuditContext, created, diff, recordAudit } from '../../lib/audit.ts'
import {
  costEntriesOnLine,
  deleteBudgetLine,
  insertBudgetLines,
  lockBudgetLine,
  lockProject,
  projectRecord,
  updateBudgetLine,
  updateProject,
} from './queries.ts'
import type { BudgetLinePatch, NewBudgetLine } from './schemas.ts'

// A line's writes: each audited as a `project_budget_line` naming its project, each bumping the
// project's updatedAt (its BAC changed), each answered with the whole project (BAC and splits).

type Refused = { refused: 'project_not_found' | 'budget_line_not_found' | 'budget_line_in_use' }

async function withProject<R extends object>(
  db: Kysely<Database>,
  code: string,
  write: (trx: Transaction<Database>, projectId: number) => Promise<R | Refused | 'unchanged'>,
  at: Date,
) {
  return db.transaction().execute(async (trx) => {
    const project = await lockProject(trx, code)
    if (!project) return { refused: 'project_not_found' } as const
    const outcome = await write(trx, project.id)
    if (typeof outcome === 'object' && 'refused' in outcome) return outcome
    if (outcome !== 'unchanged') await updateProject(trx, project.id, { updatedAt: at })
    const record = await projectRecord(trx, code)
    if (!record) throw new Error(`project ${code} vanished as its budget changed`)
    return { project: record } as const
  })
}

export async function addBudgetLine(
  db: Kysely<Database>,
  args: { code: string; line: NewBudgetLine },
  who: AuditContext,
) {
  return withProject(
    db,
    args.code,
    async (trx, projectId) => {
      const [row] = await insertBudgetLines(trx, projectId, [args.line])
      if (!row) throw new Error('a budget line was not inserted')
      const { id, ...fields } = row
      await recordAudit(trx, who, {
        entity: 'project_budget_line',
        entityId: id,
        action: 'create',
        changes: { project: args.code, ...created(fields) },
      })
      return { id }
    },
    who.at,
  )
}

/** Changes some of a line's fields; a patch that changes nothing writes nothing. */
export async function editBudgetLine(
  db: Kysely<Database>,
  args: { code: string; id: number; patch: BudgetLinePatch },
  who: AuditContext,
) {
  return withProject(
    db,
    args.code,
    async (trx, projectId) => {
      const before = await lockBudgetLine(trx, projectId, args.id)
      if (!before) return { refused: 'budget_line_not_found' }
      const changes = diff(before, args.patch)
      if (Object.keys(changes).length === 0) return 'unchanged'
      await updateBudgetLine(trx, args.id, args.patch)
      await recordAudit(trx, who, {
        entity: 'project_budget_line',
        entityId: args.id,
        action: 'update',
        changes: { project: args.code, ...changes },
      })
      return { id: args.id }
    },
    who.at,
  )
}

/** Deletes a line no cost entry is booked against (those entries would lose their line). */
export async function removeBudgetLine(
  db: Kysely<Database>,
  args: { code: string; id: number },
  who: AuditContext,
) {
  return withProject(
    db,
    args.code,
    async (trx, projectId) => {
      const before = await lockBudgetLine(trx, projectId, args.id)
      if (!before) return { refused: 'budget_line_not_found' }
      if ((await costEntriesOnLine(trx, args.id)) > 0) return { refused: 'budget_line_in_use' }
      await deleteBudgetLine(trx, args.id)
      const { id, ...fields } = before
      await recordAudit(trx, who, {
        entity: 'project_budget_line',
        entityId: id,
        action: 'delete',
        changes: {
          project: args.code,
          ...Object.fromEntries(Object.entries(fields).map(([k, from]) => [k, { from, to: null }])),
        },
      })
      return { id }
    },
    who.at,
  )
}
