import { type Database, insertNumberedIncident } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { AuditContext } from '../../lib/audit.ts'
import { affectedServices, describeServices } from './affected-services.ts'
import { insertEvent, personExists, replaceIncidentServices, writtenIncident } from './queries.ts'
import type { NewIncident } from './schemas.ts'

/**
 * Declares an incident (status triggered) with its services and its `created` event. Its ref is
 * `INC-<year>-<nnnn>`, numbered within the organisation's year of its start, as the demo data's.
 * Refused: times after now or detection before the start (`invalid`), a slug that is no
 * service's or an archived one's, a commander who is no person.
 */
export async function createIncident(db: Kysely<Database>, input: NewIncident, who: AuditContext) {
  const now = who.at
  const startedAt = input.startedAt ?? now
  const detectedAt = input.detectedAt ?? null
  const details = []
  if (startedAt > now)
    details.push({ path: 'json.startedAt', message: 'must not be in the future' })
  if (detectedAt && detectedAt > now) {
    details.push({ path: 'json.detectedAt', message: 'must not be in the future' })
  } else if (detectedAt && detectedAt < startedAt) {
    details.push({ path: 'json.detectedAt', message: 'must not be before the start' })
  }
  if (details.length) return { refused: 'invalid', details } as const

  return db.transaction().execute(async (trx) => {
    const services = await affectedServices(trx, input.services)
    if ('refused' in services) return services
    const commanderPersonId = input.commanderPersonId ?? null
    if (commanderPersonId !== null && !(await personExists(trx, commanderPersonId))) {
      return { refused: 'unknown_person' } as const
    }
    const { id, ref } = await insertNumberedIncident(
      trx,
      {
        title: input.title,
        summary: input.summary ?? '',
        customerImpact: input.customerImpact ?? '',
        severity: input.severity,
        commanderPersonId,
        startedAt,
        detectedAt,
      },
      now,
    )
    await replaceIncidentServices(trx, id, services.links)
    await insertEvent(trx, {
      incidentId: id,
      at: now,
      kind: 'created',
      body: `Declared ${input.severity}: ${input.title}. Affected: ${describeServices(input.services)}`,
      authorUserId: who.actor.userId,
      data: {
        status: 'triggered',
        severity: input.severity,
        services: input.services,
        startedAt: startedAt.toISOString(),
        detectedAt: detectedAt?.toISOString() ?? null,
      },
    })
    return { incident: await writtenIncident(trx, ref) } as const
  })
}
