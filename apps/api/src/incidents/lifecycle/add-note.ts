import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { AuditContext } from '../../lib/audit.ts'
import { findIncident, insertEvent, updateIncident } from './queries.ts'

/**
 * Adds a note to an incident's timeline, exactly as written: the SPA shows it as text, so
 * nothing is escaped or stripped here. `not_found` for no such incident.
 */
export async function addNote(
  db: Kysely<Database>,
  change: { ref: string; body: string },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const incident = await findIncident(trx, change.ref, { forUpdate: true })
    if (!incident) return { refused: 'not_found' } as const
    const event = await insertEvent(trx, {
      incidentId: incident.id,
      at: who.at,
      kind: 'note',
      body: change.body,
      authorUserId: who.actor.userId,
      data: {},
    })
    await updateIncident(trx, incident.id, { updatedAt: who.at })
    return {
      note: {
        ref: incident.ref,
        event: {
          id: Number(event.id),
          at: event.at.toISOString(),
          kind: 'note' as const,
          body: event.body,
          authorUserId: event.authorUserId === null ? null : Number(event.authorUserId),
        },
      },
    } as const
  })
}
