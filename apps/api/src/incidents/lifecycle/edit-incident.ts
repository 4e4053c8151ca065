import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, diff, recordAudit } from '../../lib/audit.ts'
import { affectedServices, describeServices } from './affected-services.ts'
import {
  findIncident,
  insertEvent,
  listIncidentServices,
  personExists,
  replaceIncidentServices,
  updateIncident,
  writtenIncident,
} from './queries.ts'
import type { IncidentPatch } from './schemas.ts'

/**
 * Changes some of an incident's fields, audited field by field; a new severity and a new list of
 * services also go on the timeline (`severity` { from, to }, `services` { from, to } slugs).
 * Refused: no such incident, a slug that is no service's (or a newly named archived one), a
 * commander who is no person. A patch that changes nothing writes nothing.
 */
export async function editIncident(
  db: Kysely<Database>,
  change: { ref: string; patch: IncidentPatch },
  who: AuditContext,
) {
  const { patch } = change
  return db.transaction().execute(async (trx) => {
    const before = await findIncident(trx, change.ref, { forUpdate: true })
    if (!before) return { refused: 'not_found' } as const
    const linked = await listIncidentServices(trx, before.id)
    let links: Parameters<typeof replaceIncidentServices>[2] | undefined
    if (patch.services) {
      const found = await affectedServices(trx, patch.services, new Set(linked.map((s) => s.id)))
      if ('refused' in found) return found
      links = found.links
    }
    const commander = patch.commanderPersonId
    if (typeof commander === 'number' && commander !== before.commanderPersonId) {
      if (!(await personExists(trx, commander))) return { refused: 'unknown_person' } as const
    }

    const was = {
      title: before.title,
      summary: before.summary,
      customerImpact: before.customerImpact,
      severity: before.severity,
      commanderPersonId: before.commanderPersonId,
      services: describeServices(linked),
    }
    const { title, summary, customerImpact, severity, commanderPersonId } = patch
    const fields = { title, summary, customerImpact, severity, commanderPersonId }
    const changes = diff(was, {
      ...fields,
      ...(patch.services ? { services: describeServices(patch.services) } : {}),
    })
    if (Object.keys(changes).length === 0) {
      return { incident: await writtenIncident(trx, change.ref) } as const
    }

    await updateIncident(trx, before.id, { ...fields, updatedAt: who.at })
    const event = { incidentId: before.id, at: who.at, authorUserId: who.actor.userId }
    if (changes.severity) {
      await insertEvent(trx, {
        ...event,
        kind: 'severity',
        body: `Severity ${before.severity} → ${patch.severity}`,
        data: { from: before.severity, to: patch.severity },
      })
    }
    if (changes.services && patch.services && links) {
      await replaceIncidentServices(trx, before.id, links)
      await insertEvent(trx, {
        ...event,
        kind: 'services',
        body: `Affected services: ${describeServices(patch.services)} (were ${was.services})`,
        data: {
          from: linked.map((s) => s.slug),
          to: patch.services.map((s) => s.slug),
          impacts: Object.fromEntries(patch.services.map((s) => [s.slug, s.impact])),
        },
      })
    }
    await recordAudit(trx, who, {
      entity: 'incident',
      entityId: before.id,
      action: 'update',
      changes: { ref: change.ref, ...changes },
    })
    return { incident: await writtenIncident(trx, change.ref) } as const
  })
}
