import { INCIDENT_ACTION_STATUS_LABELS, type IncidentActionStatus } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, diff, recordAudit } from '../../lib/audit.ts'
import { localDay } from '../../lib/calendar.ts'
import {
  findIncident,
  insertEvent,
  organisationTimezone,
  updateIncident,
} from '../lifecycle/queries.ts'
import { actionItem, findAction, personNames, updateAction, type StoredAction } from './queries.ts'
import type { ActionPatch, WrittenAction } from './schemas.ts'

/**
 * Changes a follow-up's title, owner, due date or status, with its `action` event ({ actionId,
 * title, field: { from, to } … }) and an audit row. Leaving `open` completes it now; going back
 * to `open` clears that. Refused: no such incident, an action that is not the incident's, an
 * owner who is no person. A patch that changes nothing writes nothing.
 */
export async function editAction(
  db: Kysely<Database>,
  change: { ref: string; actionId: number; patch: ActionPatch },
  who: AuditContext,
) {
  const { patch } = change
  return db.transaction().execute(async (trx) => {
    const incident = await findIncident(trx, change.ref, { forUpdate: true })
    if (!incident) return { refused: 'not_found' } as const
    const before = await findAction(trx, incident.id, change.actionId)
    if (!before) return { refused: 'action_not_found' } as const
    const owner = patch.ownerPersonId
    const names = await personNames(trx, [before.ownerPersonId, owner])
    if (typeof owner === 'number' && !names.has(owner)) {
      return { refused: 'unknown_person' } as const
    }

    const was = {
      title: before.title,
      ownerPersonId: before.ownerPersonId === null ? null : Number(before.ownerPersonId),
      dueOn: before.dueOn,
      status: before.status,
    }
    const changes = diff(was, patch)
    if (Object.keys(changes).length > 0) {
      const status = patch.status ?? before.status
      await updateAction(trx, before.id, {
        ...patch,
        completedAt: completedAt(before, status, who.at),
        updatedAt: who.at,
      })
      const title = patch.title ?? before.title
      const ownerName = (id: number | null) =>
        id === null ? 'nobody' : (names.get(id) ?? `person ${id}`)
      const parts = [
        patch.status !== undefined &&
          changes.status &&
          `${label(was.status)} → ${label(patch.status)}`.toLowerCase(),
        changes.title && `renamed from ${was.title}`,
        patch.ownerPersonId !== undefined &&
          changes.ownerPersonId &&
          `owner ${ownerName(was.ownerPersonId)} → ${ownerName(patch.ownerPersonId)}`,
        patch.dueOn !== undefined &&
          changes.dueOn &&
          `due ${was.dueOn ?? 'none'} → ${patch.dueOn ?? 'none'}`,
      ].filter(Boolean)
      await insertEvent(trx, {
        incidentId: incident.id,
        at: who.at,
        kind: 'action',
        body: `Follow-up ${title}: ${parts.join('; ')}`,
        authorUserId: who.actor.userId,
        data: { actionId: before.id, title, ...changes },
      })
      await updateIncident(trx, incident.id, { updatedAt: who.at })
      await recordAudit(trx, who, {
        entity: 'incident',
        entityId: incident.id,
        action: 'update_action',
        changes: { ref: incident.ref, actionId: before.id, ...changes },
      })
    }
    const today = localDay(who.at, await organisationTimezone(trx))
    const written: WrittenAction = {
      ref: incident.ref,
      action: await actionItem(trx, before.id, today),
    }
    return { action: written } as const
  })
}

const label = (status: IncidentActionStatus) => INCIDENT_ACTION_STATUS_LABELS[status]

// Completed when it leaves open (done and won't do both end it); open again clears it.
function completedAt(before: StoredAction, status: IncidentActionStatus, now: Date) {
  if (status === 'open') return null
  return before.status === 'open' ? now : (before.completedAt ?? now)
}
