import { INCIDENT_ACTION_STATUS_LABELS } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, recordAudit } from '../../lib/audit.ts'
import { localDay } from '../../lib/calendar.ts'
import {
  findIncident,
  insertEvent,
  organisationTimezone,
  updateIncident,
} from '../lifecycle/queries.ts'
import { actionItem, insertAction, personNames } from './queries.ts'
import type { NewAction, WrittenAction } from './schemas.ts'

/**
 * Adds a follow-up action to an incident, with its `action` event ({ actionId, title,
 * ownerPersonId, dueOn, status }) and an audit row. One added as done or won't do is completed
 * now. Refused: no such incident, an owner who is no person.
 */
export async function addAction(
  db: Kysely<Database>,
  change: { ref: string; action: NewAction },
  who: AuditContext,
) {
  const { title, ownerPersonId, dueOn, status } = change.action
  return db.transaction().execute(async (trx) => {
    const incident = await findIncident(trx, change.ref, { forUpdate: true })
    if (!incident) return { refused: 'not_found' } as const
    const names = await personNames(trx, [ownerPersonId])
    if (ownerPersonId !== null && !names.has(ownerPersonId)) {
      return { refused: 'unknown_person' } as const
    }

    const fields = { title, ownerPersonId, dueOn, status }
    const actionId = await insertAction(trx, {
      incidentId: incident.id,
      ...fields,
      completedAt: status === 'open' ? null : who.at,
      createdAt: who.at,
    })
    const details = [
      ownerPersonId === null ? 'no owner' : `owner ${names.get(ownerPersonId)}`,
      dueOn === null ? 'no due date' : `due ${dueOn}`,
      ...(status === 'open' ? [] : [INCIDENT_ACTION_STATUS_LABELS[status].toLowerCase()]),
    ]
    await insertEvent(trx, {
      incidentId: incident.id,
      at: who.at,
      kind: 'action',
      body: `Follow-up added: ${title} (${details.join(', ')})`,
      authorUserId: who.actor.userId,
      data: { actionId, ...fields },
    })
    await updateIncident(trx, incident.id, { updatedAt: who.at })
    await recordAudit(trx, who, {
      entity: 'incident',
      entityId: incident.id,
      action: 'add_action',
      changes: { ref: incident.ref, actionId, ...created(fields) },
    })
    const today = localDay(who.at, await organisationTimezone(trx))
    const written: WrittenAction = {
      ref: incident.ref,
      action: await actionItem(trx, actionId, today),
    }
    return { action: written } as const
  })
}
