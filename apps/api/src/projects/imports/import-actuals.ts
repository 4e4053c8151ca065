import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { type AuditContext, recordAudit } from '../../lib/audit.ts'
import {
  type ActualsLookup,
  type ActualValues,
  checkActuals,
  namesIn,
  recordedKey,
} from './actual-rows.ts'
import type { CommitOutcome } from '../../lib/csv/rows.ts'
import { type Checked, problemsOf, summarise } from './rows.ts'

// Rows per INSERT: 9 parameters each stays far below PostgreSQL's 65,535.
const CHUNK = 1000

/** The projects and recorded references a file names; a commit locks the projects first. */
async function lookUp(db: Kysely<Database>, text: string, lock: boolean): Promise<ActualsLookup> {
  const { codes, references } = namesIn(text)
  if (codes.length === 0) return { projects: new Map(), recorded: new Map() }
  let query = db
    .selectFrom('projects')
    .select(['id', 'code'])
    .where('code', 'in', codes)
    .orderBy('id')
  if (lock) query = query.forUpdate()
  const projects = await query.execute()
  const ids = projects.map((p) => p.id)
  const recorded =
    ids.length && references.length
      ? await db
          .selectFrom('costEntries')
          .select(['projectId', 'reference', 'incurredOn', 'amountPence', 'category'])
          .select(['spendType', 'supplier', 'description'])
          .where('projectId', 'in', ids)
          .where(sql<boolean>`reference = any(${references}::text[])`)
          .execute()
      : []
  return {
    projects: new Map(projects.map((p) => [p.code, p.id])),
    recorded: new Map(
      recorded.map(({ projectId, ...r }) => [recordedKey(projectId, r.reference), r]),
    ),
  }
}

/** The file's rows checked against the database, with the counts: writes nothing. */
export async function previewActuals(db: Kysely<Database>, text: string) {
  const checked = checkActuals(text, await lookUp(db, text, false))
  return { ...checked, summary: summarise(checked) }
}

/**
 * Checks the file again (never the client's preview) with its projects locked, then writes every
 * new row and one audit row per project, or nothing when any row is bad. Run in a transaction.
 */
export async function commitActuals(
  trx: Kysely<Database>,
  text: string,
  who: AuditContext,
): Promise<
  CommitOutcome<{
    written: number
    duplicate: number
    amountPence: number
    projects: { code: string; written: number; amountPence: number }[]
  }>
> {
  const lookup = await lookUp(trx, text, true)
  const checked: Checked<ActualValues> = checkActuals(text, lookup)
  const problems = problemsOf(checked)
  if (problems.length) return { ok: false, problems }
  const fresh = checked.rows.filter((r) => r.status === 'new').map((r) => r.values)
  const rows = fresh.map((v) => ({
    projectId: lookup.projects.get(v.projectCode)!,
    incurredOn: v.incurredOn!,
    amountPence: v.amountPence!,
    category: v.category!,
    spendType: v.spendType!,
    supplier: v.supplier,
    reference: v.reference,
    description: v.description,
    createdByUserId: who.actor.userId,
  }))
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('costEntries')
      .values(rows.slice(i, i + CHUNK))
      .execute()
  }
  const projects = [...new Set(fresh.map((v) => v.projectCode))].sort().map((code) => {
    const mine = fresh.filter((v) => v.projectCode === code)
    return { code, written: mine.length, amountPence: sum(mine) }
  })
  for (const p of projects) {
    await recordAudit(trx, who, {
      entity: 'project',
      entityId: lookup.projects.get(p.code)!,
      action: 'import_actuals',
      changes: { costEntries: p.written, amountPence: p.amountPence },
    })
  }
  const { duplicate } = summarise(checked)
  return {
    ok: true,
    committed: { written: fresh.length, duplicate, amountPence: sum(fresh), projects },
  }
}

const sum = (values: { amountPence: number | null }[]) =>
  values.reduce((total, v) => total + (v.amountPence ?? 0), 0)
