import type { BudgetCategory, SpendType } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created } from '../../lib/audit.ts'
import type { ProjectRef } from '../project-ref.ts'
import { projectLines } from './queries.ts'

/** A cost entry to write, validated as NewCostEntry validates it (text trimmed, amount non-zero). */
export interface CostEntryInput {
  incurredOn: string
  amountPence: number
  /** Required without a budget line; with one, the line's unless given. */
  category?: BudgetCategory | undefined
  spendType?: SpendType | undefined
  supplier: string
  reference: string
  description: string
  budgetLineId: number | null
}

export type InsertCostEntriesResult =
  /** `index` is the row's position in `rows`. */
  | { refused: 'unknown_budget_line' | 'category_required'; index: number }
  | {
      /** The rows written, in the order given, with their new ids. */
      inserted: { index: number; id: number }[]
      /** Rows whose reference the project already had (or an earlier row of `rows`): not written. */
      skipped: number[]
    }

// Bind parameters per statement are limited (65,535): 11 columns × 1,000 rows stays well inside.
const CHUNK = 1000

// An entry's fields as audited and as matched to the ids written.
const FIELDS = [
  'incurredOn',
  'amountPence',
  'category',
  'spendType',
  'supplier',
  'reference',
  'description',
  'budgetLineId',
] as const

const keyOf = (row: Record<(typeof FIELDS)[number], unknown>) =>
  JSON.stringify(FIELDS.map((f) => row[f]))

/**
 * Writes cost entries into a project, each with its audit row (entity `project`, action
 * `add_cost_entry`), in the caller's transaction: POST /projects/:code/actuals writes one, the CSV
 * import many. A budget line must be the project's, and gives its category and spend type to a
 * row that names none. A row whose non-empty reference is taken in the project is skipped (a
 * re-import adds nothing); the caller decides whether that is a refusal. Refused as a whole
 * (nothing written): a line that is not the project's, a row with neither line nor category.
 */
export async function insertCostEntries(
  trx: Kysely<Database>,
  project: Pick<ProjectRef, 'id' | 'code'>,
  rows: readonly CostEntryInput[],
  who: AuditContext,
): Promise<InsertCostEntriesResult> {
  const lines = await projectLines(trx, project.id)
  const values = []
  for (const [index, row] of rows.entries()) {
    const line = row.budgetLineId === null ? undefined : lines.get(row.budgetLineId)
    if (row.budgetLineId !== null && !line) return { refused: 'unknown_budget_line', index }
    const category = row.category ?? line?.category
    const spendType = row.spendType ?? line?.spendType
    if (!category || !spendType) return { refused: 'category_required', index }
    values.push({
      projectId: project.id,
      budgetLineId: row.budgetLineId,
      incurredOn: row.incurredOn,
      amountPence: row.amountPence,
      category,
      spendType,
      supplier: row.supplier,
      reference: row.reference,
      description: row.description,
      createdByUserId: who.actor.userId,
      createdAt: who.at,
    })
  }

  const written: { id: number; key: string }[] = []
  for (let at = 0; at < values.length; at += CHUNK) {
    const chunk = await trx
      .insertInto('costEntries')
      .values(values.slice(at, at + CHUNK))
      // The partial unique index on (project_id, reference) WHERE reference <> ''.
      .onConflict((oc) =>
        oc.columns(['projectId', 'reference']).where('reference', '<>', '').doNothing(),
      )
      .returning([...FIELDS, 'id'])
      .execute()
    written.push(...chunk.map((w) => ({ id: w.id, key: keyOf(w) })))
  }

  // Which row each id is, matched by content (RETURNING promises no order): identical rows are
  // interchangeable. A row whose match was not written was skipped for its reference.
  const idsByKey = new Map<string, number[]>()
  for (const w of written) idsByKey.set(w.key, [...(idsByKey.get(w.key) ?? []), w.id])
  const inserted: { index: number; id: number }[] = []
  const skipped: number[] = []
  const audits = []
  for (const [index, row] of values.entries()) {
    const id = idsByKey.get(keyOf(row))?.shift()
    if (id === undefined) {
      skipped.push(index)
      continue
    }
    inserted.push({ index, id })
    const fields = Object.fromEntries(FIELDS.map((f) => [f, row[f]]))
    audits.push({
      at: who.at,
      actorUserId: who.actor.userId,
      actorTokenId: who.actor.tokenId,
      entity: 'project',
      entityId: String(project.id),
      action: 'add_cost_entry',
      changes: JSON.stringify({ code: project.code, costEntryId: id, ...created(fields) }),
      requestId: who.requestId,
    })
  }
  // As recordAudit writes them, a statement per chunk rather than per row.
  for (let at = 0; at < audits.length; at += CHUNK) {
    await trx
      .insertInto('auditLog')
      .values(audits.slice(at, at + CHUNK))
      .execute()
  }
  return { inserted, skipped }
}
