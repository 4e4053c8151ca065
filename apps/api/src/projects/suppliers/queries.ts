import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

/**
 * Spend on cost entries dated in [from, to] (days, both inclusive) by supplier, summed in SQL at
 * four levels: each supplier by month and by project, each supplier, and everything. A blank
 * supplier is null; credits are negative amounts and net off.
 */
export async function listSupplierSpend(db: Kysely<Database>, args: { from: string; to: string }) {
  const { rows } = await sql<{
    level: 'all' | 'supplier' | 'month' | 'project'
    supplier: string | null
    month: string | null
    code: string | null
    name: string | null
    total: number
  }>`
    WITH e AS (
      SELECT nullif(btrim(c.supplier), '') AS supplier, to_char(c.incurred_on, 'YYYY-MM') AS month,
        p.code, p.name, c.amount_pence
      FROM cost_entries c JOIN projects p ON p.id = c.project_id
      WHERE c.incurred_on BETWEEN ${args.from}::date AND ${args.to}::date
    )
    SELECT
      CASE WHEN GROUPING(supplier) = 1 THEN 'all' WHEN GROUPING(month) = 0 THEN 'month'
        WHEN GROUPING(code) = 0 THEN 'project' ELSE 'supplier' END AS level,
      supplier, month, code, name, sum(amount_pence) AS total
    FROM e
    GROUP BY GROUPING SETS ((), (supplier), (supplier, month), (supplier, code, name))
  `.execute(db)
  return rows
}
