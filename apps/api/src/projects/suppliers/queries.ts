import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

/** How many of a supplier's projects the answer names, largest first. */
export const TOP_PROJECTS = 5

export type SupplierSpendRow =
  | {
      level: 'project'
      supplier: string | null
      month: null
      code: string
      name: string
      total: number
      /** The supplier's projects in the range and its total: on each of its project rows. */
      projectCount: number
      supplierTotal: number
    }
  | {
      level: 'month'
      supplier: string | null
      month: string
      code: null
      name: null
      total: number
      projectCount: null
      supplierTotal: null
    }

/**
 * Spend on cost entries dated in [from, to] (days, both inclusive) by supplier, summed in SQL: one
 * pass over the entries sums each supplier by project and by month (hashed grouping sets); from
 * those, each supplier's TOP_PROJECTS largest projects (ties by code), how many projects it has
 * and its total. A blank supplier is null; credits are negative amounts and net off.
 *
 * The two sums hash in memory only with more than the default 4 MB of work_mem (~40k groups,
 * ~10 MB at 500k entries); otherwise PostgreSQL sorts every entry twice, spilling to disk. So the
 * query runs in a transaction of its own with work_mem raised for it alone.
 */
export async function listSupplierSpend(db: Kysely<Database>, args: { from: string; to: string }) {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL work_mem = '16MB'`.execute(trx)
    const { rows } = await sql<SupplierSpendRow>`
      WITH g AS (
        SELECT nullif(btrim(supplier), '') AS supplier, project_id,
          date_trunc('month', incurred_on::timestamp) AS month,
          sum(amount_pence)::int8 AS total
        FROM cost_entries
        WHERE incurred_on BETWEEN ${args.from}::date AND ${args.to}::date
        GROUP BY GROUPING SETS ((1, 2), (1, 3))
      ), ranked AS (
        SELECT g.supplier, p.code, p.name, g.total,
          row_number() OVER (PARTITION BY g.supplier ORDER BY g.total DESC, p.code) AS rank,
          count(*) OVER (PARTITION BY g.supplier) AS project_count,
          sum(g.total) OVER (PARTITION BY g.supplier) AS supplier_total
        FROM g JOIN projects p ON p.id = g.project_id
      )
      SELECT 'project' AS level, supplier, NULL AS month, code, name, total,
        project_count::int4 AS project_count, supplier_total::int8 AS supplier_total
      FROM ranked WHERE rank <= ${TOP_PROJECTS}
      UNION ALL
      SELECT 'month', supplier, to_char(month, 'YYYY-MM'), NULL, NULL, total, NULL, NULL
      FROM g WHERE month IS NOT NULL
    `.execute(trx)
    return rows
  })
}
