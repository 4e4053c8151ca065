import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

/**
 * The live portfolio (active and on-hold projects) as of a day: BAC, AC to date, latest progress
 * and the baseline, summed in SQL; the EVM arithmetic is packages/kpi's.
 */
export async function listProjectFinancials(db: Kysely<Database>, asOf: string) {
  const { rows } = await sql<{
    id: number
    code: string
    name: string
    startDate: string
    endDate: string
    bac: number
    ac: number
    percentComplete: number | null
    baseline: { month: string; amount: number }[]
  }>`
    SELECT p.id, p.code, p.name, p.start_date, p.end_date,
      (SELECT coalesce(sum(amount_pence), 0) FROM project_budget_lines b WHERE b.project_id = p.id)
        AS bac,
      (SELECT coalesce(sum(amount_pence), 0) FROM cost_entries c
        WHERE c.project_id = p.id AND c.incurred_on <= ${asOf}::date) AS ac,
      (SELECT percent_complete FROM project_progress pp
        WHERE pp.project_id = p.id AND pp.as_of <= ${asOf}::date
        ORDER BY pp.as_of DESC LIMIT 1) AS percent_complete,
      (SELECT coalesce(json_agg(json_build_object('month', to_char(month, 'YYYY-MM'),
          'amount', planned_pence) ORDER BY month), '[]')
        FROM project_baseline pb WHERE pb.project_id = p.id
          AND pb.version = (SELECT max(version) FROM project_baselines v
            WHERE v.project_id = p.id)) AS baseline
    FROM projects p
    WHERE p.status IN ('active', 'on_hold') AND p.start_date <= ${asOf}::date
    ORDER BY p.code
  `.execute(db)
  return rows
}

export type ProjectFinancials = Awaited<ReturnType<typeof listProjectFinancials>>[number]
