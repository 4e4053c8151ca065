import { INCIDENT_STATUS_LABELS, type IncidentStatus } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { AuditContext } from '../../lib/audit.ts'
import {
  findIncident,
  insertEvent,
  reviewCompleted,
  updateIncident,
  writtenIncident,
} from './queries.ts'
import { transition } from './transitions.ts'

/**
 * Moves an incident to another status, setting the milestones the move implies, with its
 * `status` event ({ from, to }, the milestones set, the note). Refused: no such incident
 * (`not_found`), or a move the lifecycle does not allow (`illegal`, with the reason).
 */
export async function transitionIncident(
  db: Kysely<Database>,
  change: { ref: string; to: IncidentStatus; note?: string | undefined },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const before = await findIncident(trx, change.ref, { forUpdate: true })
    if (!before) return { refused: 'not_found' } as const
    const closing = change.to === 'closed' && before.status === 'resolved'
    const outcome = transition(
      { ...before, reviewCompleted: closing && (await reviewCompleted(trx, before.id)) },
      change.to,
      who.at,
    )
    if (!outcome.ok) return { refused: 'illegal', reason: outcome.reason } as const

    await updateIncident(trx, before.id, { status: change.to, ...outcome.set, updatedAt: who.at })
    const set = Object.fromEntries(
      (Object.entries(outcome.set) as [string, Date | null][]).map(([field, at]) => [
        field,
        at?.toISOString() ?? null,
      ]),
    )
    const note = change.note ? `: ${change.note}` : ''
    const body = outcome.reopened
      ? `Reopened: ${INCIDENT_STATUS_LABELS[change.to].toLowerCase()} again, its resolution at ${before.resolvedAt?.toISOString()} cleared${note}`
      : `${INCIDENT_STATUS_LABELS[change.to]}${note}`
    await insertEvent(trx, {
      incidentId: before.id,
      at: who.at,
      kind: 'status',
      body,
      authorUserId: who.actor.userId,
      data: {
        from: before.status,
        to: change.to,
        // The milestones the move set, or cleared (a reopen clears resolvedAt): { field: iso | null }.
        milestones: set,
        ...(outcome.reopened
          ? { reopened: true, clearedResolvedAt: before.resolvedAt?.toISOString() ?? null }
          : {}),
        ...(change.note ? { note: change.note } : {}),
      },
    })
    return { incident: await writtenIncident(trx, change.ref) } as const
  })
}
