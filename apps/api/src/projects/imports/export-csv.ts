import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { toCsv } from '../../lib/csv/write-csv.ts'
import { ACTUAL_COLUMNS } from './actual-rows.ts'
import { formatAmount } from './amount.ts'
import { PLAN_COLUMNS } from './plan-rows.ts'

// Amounts never need toCsv's formula guard: a credit is written in brackets, (12.50).

/** Cost entries in the import's columns, by project, day and entry. */
export async function exportActuals(
  db: Kysely<Database>,
  args: { projectId?: number | undefined; from?: string | undefined; to?: string | undefined },
) {
  let query = db
    .selectFrom('costEntries as c')
    .innerJoin('projects as p', 'p.id', 'c.projectId')
    .select(['p.code', 'c.incurredOn', 'c.amountPence', 'c.category', 'c.spendType'])
    .select(['c.supplier', 'c.reference', 'c.description'])
    .orderBy('p.code')
    .orderBy('c.incurredOn')
    .orderBy('c.id')
  if (args.projectId !== undefined) query = query.where('c.projectId', '=', args.projectId)
  if (args.from) query = query.where('c.incurredOn', '>=', args.from)
  if (args.to) query = query.where('c.incurredOn', '<=', args.to)
  const rows = await query.execute()
  return toCsv(
    ACTUAL_COLUMNS.map((c) => c.key),
    rows.map((r) => [
      r.code,
      r.incurredOn,
      formatAmount(r.amountPence),
      r.category,
      r.spendType,
      r.supplier,
      r.reference,
      r.description,
    ]),
  )
}

/** Each project's current baseline in the plan import's columns, months as 2026-03. */
export async function exportBaselines(
  db: Kysely<Database>,
  args: { projectId?: number | undefined },
) {
  let query = db
    .selectFrom('projectBaseline as b')
    .innerJoin('projects as p', 'p.id', 'b.projectId')
    .select(['p.code', 'b.month', 'b.plannedPence'])
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
    .orderBy('p.code')
    .orderBy('b.month')
  if (args.projectId !== undefined) query = query.where('b.projectId', '=', args.projectId)
  const rows = await query.execute()
  return toCsv(
    PLAN_COLUMNS.map((c) => c.key),
    rows.map((r) => [r.code, r.month.slice(0, 7), formatAmount(r.plannedPence)]),
  )
}
