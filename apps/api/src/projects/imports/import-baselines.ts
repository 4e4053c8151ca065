import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { AuditContext } from '../../lib/audit.ts'
import { addBaseline } from '../plans/add-baseline.ts'
import type { CommitOutcome } from '../../lib/csv/rows.ts'
import { checkPlans, type PlanProject, planCodesIn } from './plan-rows.ts'
import { problemsOf, summarise } from './rows.ts'

/** The projects a plan file names, with their current baseline; a commit locks them first. */
async function lookUp(db: Kysely<Database>, text: string, lock: boolean) {
  const codes = planCodesIn(text)
  const projects = new Map<string, PlanProject & { code: string }>()
  if (codes.length === 0) return projects
  let query = db
    .selectFrom('projects')
    .select(['id', 'code', 'startDate', 'endDate'])
    .where('code', 'in', codes)
    .orderBy('id')
  if (lock) query = query.forUpdate()
  const rows = await query.execute()
  const ids = rows.map((p) => p.id)
  const plans = ids.length
    ? await db
        .selectFrom('projectBaseline as b')
        .select(['b.projectId', 'b.version', 'b.month', 'b.plannedPence'])
        .where('b.projectId', 'in', ids)
        .where((eb) =>
          eb(
            'b.version',
            '=',
            eb
              .selectFrom('projectBaselines as v')
              .select((v) => v.fn.max('v.version').as('version'))
              .whereRef('v.projectId', '=', 'b.projectId'),
          ),
        )
        .execute()
    : []
  const versions = ids.length
    ? await db
        .selectFrom('projectBaselines')
        .select(['projectId', (eb) => eb.fn.max('version').as('version')])
        .where('projectId', 'in', ids)
        .groupBy('projectId')
        .execute()
    : []
  for (const p of rows) {
    const version = versions.find((v) => v.projectId === p.id)?.version
    const months = plans.filter((b) => b.projectId === p.id).map((b) => [b.month, b.plannedPence])
    projects.set(p.code, {
      ...p,
      current: version ? { version, months: new Map(months as [string, number][]) } : null,
    })
  }
  return projects
}

/** The plan file's rows checked against the database, with the counts: writes nothing. */
export async function previewBaselines(db: Kysely<Database>, text: string) {
  const checked = checkPlans(text, await lookUp(db, text, false))
  return { ...checked, summary: summarise(checked) }
}

/**
 * Checks the file again with its projects locked, then gives each project whose plan differs
 * from its current baseline a new baseline version (the old ones are kept) with the reason;
 * or writes nothing when any row is bad. Run in a transaction.
 */
export async function commitBaselines(
  trx: Kysely<Database>,
  args: { text: string; reason: string; who: AuditContext },
): Promise<
  CommitOutcome<{
    duplicate: number
    projects: { code: string; version: number; months: number; plannedPence: number }[]
  }>
> {
  const lookup = await lookUp(trx, args.text, true)
  const checked = checkPlans(args.text, lookup)
  const problems = problemsOf(checked)
  if (problems.length) return { ok: false, problems }
  const fresh = checked.rows.filter((r) => r.status === 'new').map((r) => r.values)
  const written = []
  for (const code of [...new Set(fresh.map((v) => v.projectCode))].sort()) {
    const project = lookup.get(code)!
    const months = fresh
      .filter((v) => v.projectCode === code)
      .map((v) => ({ month: v.month!.slice(0, 7), amountPence: v.amountPence! }))
    // The plans API's write: the next version, the old ones kept, its audit row (add_baseline).
    const added = await addBaseline(trx, { ...project, code }, months, args.reason, args.who)
    if (!('created' in added))
      throw new Error(`baseline refused after the checks: ${added.refused}`)
    const { version, total: plannedPence } = added.baseline
    written.push({ code, version, months: months.length, plannedPence })
  }
  return { ok: true, committed: { duplicate: summarise(checked).duplicate, projects: written } }
}
