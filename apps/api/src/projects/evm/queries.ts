import type { BudgetCategory, SpendType } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

// One project's rows for its EVM answer, summed in PostgreSQL with literal date bounds; the
// arithmetic is packages/kpi's (project-evm.ts).

type Split = { category: BudgetCategory; spendType: SpendType; amount: number }

/** Budget lines summed by category and capex/opex: their total is BAC. */
export async function sumBudgetLines(db: Kysely<Database>, projectId: number) {
  const { rows } = await sql<Split>`
    SELECT category, spend_type, sum(amount_pence) AS amount FROM project_budget_lines
    WHERE project_id = ${projectId} GROUP BY category, spend_type`.execute(db)
  return rows
}

/** Actuals dated on or before asOf, summed by category and capex/opex: their total is AC. */
export async function sumActualsBySplit(db: Kysely<Database>, projectId: number, asOf: string) {
  const { rows } = await sql<Split>`
    SELECT category, spend_type, sum(amount_pence) AS amount FROM cost_entries
    WHERE project_id = ${projectId} AND incurred_on <= ${asOf}::date
    GROUP BY category, spend_type`.execute(db)
  return rows
}

/** Actuals dated on or before asOf, summed by day (the RAG history's and S-curve's AC). */
export async function sumActualsByDay(db: Kysely<Database>, projectId: number, asOf: string) {
  const { rows } = await sql<{ day: string; amount: number }>`
    SELECT incurred_on AS day, sum(amount_pence) AS amount FROM cost_entries
    WHERE project_id = ${projectId} AND incurred_on <= ${asOf}::date
    GROUP BY incurred_on ORDER BY incurred_on`.execute(db)
  return rows
}

/** Actuals per calendar month to asOf, those before `firstMonth` counted in it ('YYYY-MM'). */
export async function sumActualsByMonth(
  db: Kysely<Database>,
  args: { projectId: number; firstMonth: string; asOf: string },
) {
  const { rows } = await sql<{ month: string; amount: number }>`
    SELECT to_char(greatest(date_trunc('month', incurred_on), ${`${args.firstMonth}-01`}::date),
        'YYYY-MM') AS month, sum(amount_pence) AS amount
    FROM cost_entries WHERE project_id = ${args.projectId} AND incurred_on <= ${args.asOf}::date
    GROUP BY 1 ORDER BY 1`.execute(db)
  return rows
}

/** Actuals dated in [from, to], both inclusive (the burn-rate window). */
export async function sumActualsBetween(
  db: Kysely<Database>,
  args: { projectId: number; from: string; to: string },
) {
  const row = await sql<{ amount: number }>`
    SELECT coalesce(sum(amount_pence), 0) AS amount FROM cost_entries
    WHERE project_id = ${args.projectId}
      AND incurred_on BETWEEN ${args.from}::date AND ${args.to}::date`.execute(db)
  return row.rows[0]?.amount ?? 0
}

/** Progress recorded on or before asOf, oldest first (percent 0–100). */
export async function listProgress(db: Kysely<Database>, projectId: number, asOf: string) {
  return db
    .selectFrom('projectProgress')
    .select(['asOf as day', 'percentComplete'])
    .where('projectId', '=', projectId)
    .where('asOf', '<=', asOf)
    .orderBy('asOf')
    .execute()
}

/** The current baseline version (the highest) and version 1, with their monthly plans. */
export async function findBaselines(db: Kysely<Database>, projectId: number) {
  const { rows } = await sql<{
    version: number
    reason: string
    createdAt: Date
    months: { month: string; amount: number }[]
  }>`
    SELECT v.version, v.reason, v.created_at,
      (SELECT coalesce(json_agg(json_build_object('month', to_char(b.month, 'YYYY-MM'),
          'amount', b.planned_pence) ORDER BY b.month), '[]')
        FROM project_baseline b WHERE b.project_id = v.project_id AND b.version = v.version)
        AS months
    FROM project_baselines v
    WHERE v.project_id = ${projectId} AND (v.version = 1
      OR v.version = (SELECT max(version) FROM project_baselines WHERE project_id = ${projectId}))
    ORDER BY v.version DESC`.execute(db)
  const [current, ...rest] = rows
  return { current, original: rest.at(-1) }
}
