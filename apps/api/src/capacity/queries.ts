import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { isoWeekOf } from '../lib/calendar.ts'
import type { Organisation } from '../lib/organisation.ts'
import { capacityModel } from './model/index.ts'
import { mondaysBetween, shiftDay } from './model/weeks.ts'
import { type CapacityRisk, PROJECT_RISK_WEEKS, projectRisks } from './project-risk.ts'

export { CapacityRisk } from './project-risk.ts'

/** The teams owning tier-1 services (not archived), with those services by name. */
export async function listTierOneOwners(db: Kysely<Database>) {
  const { rows } = await sql<{
    teamId: number
    teamSlug: string
    teamName: string
    services: { slug: string; name: string }[]
  }>`
    SELECT t.id AS team_id, t.slug AS team_slug, t.name AS team_name,
      json_agg(json_build_object('slug', s.slug, 'name', s.name) ORDER BY s.name, s.slug) AS services
    FROM services s JOIN teams t ON t.id = s.owner_team_id
    WHERE s.tier = 1 AND s.archived_at IS NULL
    GROUP BY t.id
    ORDER BY t.name, t.id
  `.execute(db)
  return new Map(
    rows.map((r) => [
      r.teamId,
      { team: { id: r.teamId, slug: r.teamSlug, name: r.teamName }, services: r.services },
    ]),
  )
}

export type TierOneOwners = Awaited<ReturnType<typeof listTierOneOwners>>

/** The weeks a project's risk from capacity looks at: this week and the next three. */
export function capacityRiskWindow(now: Date, org: Organisation) {
  const from = isoWeekOf(now, org.timezone)
  return { from, to: shiftDay(from, 7 * PROJECT_RISK_WEEKS - 1) }
}

/**
 * The live projects' risk from capacity, by project code, as of today in the organisation's zone:
 * this week and the next PROJECT_RISK_WEEKS − 1 (project-risk.ts), or the whole weeks `weeks`
 * gives (a report's period: its first Monday to its last Sunday). Projects without risk are
 * absent. With `code`, only that project's people are loaded, so only its risk is worked out.
 */
export async function projectCapacityRisks(
  db: Kysely<Database>,
  {
    now,
    org,
    code,
    weeks,
  }: { now: Date; org: Organisation; code?: string; weeks?: { from: string; to: string } },
): Promise<Map<string, CapacityRisk>> {
  const { from, to } = weeks ?? capacityRiskWindow(now, org)
  const model = await capacityModel(db, {
    from,
    to,
    projectCode: code,
    orgRegion: org.bankHolidayRegion,
    timezone: org.timezone,
    now,
  })
  const risks = projectRisks(model, mondaysBetween(from, to))
  if (code === undefined) return risks
  const risk = risks.get(code)
  return new Map(risk ? [[code, risk]] : [])
}
