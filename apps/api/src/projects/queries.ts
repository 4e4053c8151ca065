import { LIVE_PROJECT_STATUSES, type ProjectStatus } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

/**
 * The projects of the statuses (default the live ones: active and on hold) as of a day, started
 * or not: owner, BAC and its capex/opex split, AC to date and its split, latest progress and the
 * current baseline version's months, summed in SQL; the EVM arithmetic is packages/kpi's.
 */
export async function listProjectFinancials(
  db: Kysely<Database>,
  asOf: string,
  statuses: readonly ProjectStatus[] = LIVE_PROJECT_STATUSES,
) {
  if (statuses.length === 0) return []
  const { rows } = await sql<{
    id: number
    code: string
    name: string
    status: ProjectStatus
    ownerId: number | null
    ownerName: string | null
    startDate: string
    endDate: string
    bac: number
    bacCapex: number
    bacOpex: number
    ac: number
    acCapex: number
    acOpex: number
    percentComplete: number | null
    baseline: { month: string; amount: number }[]
  }>`
    SELECT p.id, p.code, p.name, p.status, p.owner_person_id AS owner_id, o.name AS owner_name,
      p.start_date, p.end_date, b.bac, b.bac_capex, b.bac_opex, c.ac, c.ac_capex, c.ac_opex,
      (SELECT percent_complete FROM project_progress pp
        WHERE pp.project_id = p.id AND pp.as_of <= ${asOf}::date
        ORDER BY pp.as_of DESC LIMIT 1) AS percent_complete,
      (SELECT coalesce(json_agg(json_build_object('month', to_char(month, 'YYYY-MM'),
          'amount', planned_pence) ORDER BY month), '[]')
        FROM project_baseline pb WHERE pb.project_id = p.id
          AND pb.version = (SELECT max(version) FROM project_baselines v
            WHERE v.project_id = p.id)) AS baseline
    FROM projects p
    LEFT JOIN people o ON o.id = p.owner_person_id
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(amount_pence), 0) AS bac,
        coalesce(sum(amount_pence) FILTER (WHERE spend_type = 'capex'), 0) AS bac_capex,
        coalesce(sum(amount_pence) FILTER (WHERE spend_type = 'opex'), 0) AS bac_opex
      FROM project_budget_lines WHERE project_id = p.id) b
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(amount_pence), 0) AS ac,
        coalesce(sum(amount_pence) FILTER (WHERE spend_type = 'capex'), 0) AS ac_capex,
        coalesce(sum(amount_pence) FILTER (WHERE spend_type = 'opex'), 0) AS ac_opex
      FROM cost_entries WHERE project_id = p.id AND incurred_on <= ${asOf}::date) c
    WHERE p.status IN (${sql.join(statuses)})
    ORDER BY p.code
  `.execute(db)
  return rows
}

export type ProjectFinancials = Awaited<ReturnType<typeof listProjectFinancials>>[number]

/**
 * Each project's costs per day and its progress records up to a day, for its EVM day by day
 * (evmSeries) from `from`: when a project crossed a line, or turned red. Costs dated before
 * `from` come as one sum dated `from`.
 */
export async function listProjectHistories(
  db: Kysely<Database>,
  args: { projectIds: readonly number[]; from: string; asOf: string },
) {
  const { projectIds, from, asOf } = args
  if (projectIds.length === 0) return new Map<number, ProjectHistory>()
  const { rows } = await sql<{ projectId: number } & ProjectHistory>`
    SELECT p.id AS project_id,
      (SELECT coalesce(json_agg(json_build_object('day', day, 'amount', amount) ORDER BY day), '[]')
        FROM (SELECT greatest(incurred_on, ${from}::date) AS day, sum(amount_pence)::int8 AS amount
          FROM cost_entries WHERE project_id = p.id AND incurred_on <= ${asOf}::date GROUP BY 1) d)
        AS costs,
      (SELECT coalesce(json_agg(json_build_object('day', as_of, 'percentComplete',
          percent_complete) ORDER BY as_of), '[]')
        FROM project_progress WHERE project_id = p.id AND as_of <= ${asOf}::date) AS progress
    FROM projects p WHERE p.id IN (${sql.join(projectIds)})
  `.execute(db)
  return new Map(rows.map(({ projectId, ...history }) => [projectId, history]))
}

export type ProjectHistory = {
  costs: { day: string; amount: number }[]
  progress: { day: string; percentComplete: number }[]
}
