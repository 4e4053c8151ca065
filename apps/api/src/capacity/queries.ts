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
  const { rows } = await sql<{ teamId: number; services: { slug: string; name: string }[] }>`
    SELECT owner_team_id AS team_id,
      json_agg(json_build_object('slug', slug, 'name', name) ORDER BY name, slug) AS services
    FROM services
    WHERE tier = 1 AND archived_at IS NULL AND owner_team_id IS NOT NULL
    GROUP BY owner_team_id
  `.execute(db)
  return new Map(rows.map((r) => [r.teamId, r.services]))
}

/**
 * The live projects' risk from capacity, by project code, as of today in the organisation's zone:
 * this week and the next PROJECT_RISK_WEEKS − 1 (project-risk.ts). Projects without risk are absent.
 */
export async function projectCapacityRisks(
  db: Kysely<Database>,
  { now, org }: { now: Date; org: Organisation },
): Promise<Map<string, CapacityRisk>> {
  const from = isoWeekOf(now, org.timezone)
  const to = shiftDay(from, 7 * PROJECT_RISK_WEEKS - 1)
  const model = await capacityModel(db, {
    from,
    to,
    orgRegion: org.bankHolidayRegion,
    timezone: org.timezone,
    now,
  })
  return projectRisks(model, mondaysBetween(from, to))
}
