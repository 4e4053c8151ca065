import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

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
