import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

// A service is probed while it is in probe mode, enabled and not archived.
const probed = sql<boolean>`s.check_mode = 'probe' AND s.check_enabled AND s.archived_at IS NULL`

/**
 * Gives every probed service a row in check_schedule (due at once) and removes the rows of
 * services no longer probed. The prober owns the table; the catalogue only moves next_due_at.
 * Safe to run from several workers at once.
 */
export async function syncCheckSchedule(db: Kysely<Database>) {
  const added = await sql`
    INSERT INTO check_schedule (service_id)
    SELECT s.id FROM services s WHERE ${probed}
    ON CONFLICT (service_id) DO NOTHING`.execute(db)
  const removed = await sql`
    DELETE FROM check_schedule cs USING services s
    WHERE s.id = cs.service_id AND NOT (${probed})`.execute(db)
  return {
    added: Number(added.numAffectedRows ?? 0),
    removed: Number(removed.numAffectedRows ?? 0),
  }
}
