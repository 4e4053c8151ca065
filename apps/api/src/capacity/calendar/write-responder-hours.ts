import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, recordAudit } from '../../lib/audit.ts'
import { findIncidentRef, listResponderHours } from './queries.ts'
import type { ResponderHoursBody } from './schemas.ts'

// PUT and DELETE /incidents/:ref/hours/:personId/:day: the hours a person logged on an incident on
// a day, audited on the incident (log_responder_hours, delete_responder_hours).

interface Key {
  ref: string
  personId: number
  day: string
}

/** Logs or replaces the hours; `firstDay`/`lastDay`: the days the incident allows (its start to today). */
export async function putResponderHours(
  db: Kysely<Database>,
  key: Key,
  body: ResponderHoursBody,
  allowed: (startedAt: Date) => { firstDay: string; lastDay: string },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const incident = await findIncidentRef(trx, key.ref)
    if (!incident) return { refused: 'incident_not_found' } as const
    const days = allowed(incident.startedAt)
    if (key.day < days.firstDay || key.day > days.lastDay) {
      return { refused: 'day_outside', ...days } as const
    }
    const person = await trx
      .selectFrom('people')
      .select('id')
      .where('id', '=', key.personId)
      .executeTakeFirst()
    if (!person) return { refused: 'unknown_person' } as const
    const before = await trx
      .selectFrom('incidentResponderHours')
      .select(['id', 'hours', 'note'])
      .where('incidentId', '=', incident.id)
      .where('personId', '=', key.personId)
      .where('day', '=', key.day)
      .forUpdate()
      .executeTakeFirst()
    if (!before) {
      await trx
        .insertInto('incidentResponderHours')
        .values({
          incidentId: incident.id,
          personId: key.personId,
          day: key.day,
          ...body,
          createdByUserId: who.actor.userId,
          createdAt: who.at,
        })
        // Two requests for the same key at once: the second replaces the first below.
        .onConflict((oc) => oc.columns(['incidentId', 'personId', 'day']).doUpdateSet({ ...body }))
        .execute()
    } else if (before.hours !== body.hours || before.note !== body.note) {
      await trx
        .updateTable('incidentResponderHours')
        .set(body)
        .where('id', '=', before.id)
        .execute()
    }
    if (!before || before.hours !== body.hours || before.note !== body.note) {
      await recordAudit(trx, who, {
        entity: 'incident',
        entityId: incident.id,
        action: 'log_responder_hours',
        changes: {
          ref: incident.ref,
          personId: key.personId,
          day: key.day,
          hours: { from: before?.hours ?? null, to: body.hours },
          note: { from: before?.note ?? null, to: body.note },
        },
      })
    }
    const [logged] = await listResponderHours(trx, incident.id, key)
    if (!logged) throw new Error('responder hours are gone')
    return { hours: logged, created: !before } as const
  })
}

export async function deleteResponderHours(db: Kysely<Database>, key: Key, who: AuditContext) {
  return db.transaction().execute(async (trx) => {
    const incident = await findIncidentRef(trx, key.ref)
    if (!incident) return { refused: 'incident_not_found' } as const
    const row = await trx
      .deleteFrom('incidentResponderHours')
      .where('incidentId', '=', incident.id)
      .where('personId', '=', key.personId)
      .where('day', '=', key.day)
      .returning(['hours', 'note'])
      .executeTakeFirst()
    if (!row) return { refused: 'responder_hours_not_found' } as const
    await recordAudit(trx, who, {
      entity: 'incident',
      entityId: incident.id,
      action: 'delete_responder_hours',
      changes: {
        ref: incident.ref,
        personId: key.personId,
        day: key.day,
        hours: { from: row.hours, to: null },
        note: { from: row.note, to: null },
      },
    })
    return { deleted: true } as const
  })
}
