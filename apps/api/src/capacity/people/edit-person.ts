import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, diff, recordAudit } from '../../lib/audit.ts'
import { emailTaken, lockPerson, membershipsOf, personRecord, updatePerson } from './queries.ts'
import type { PersonPatch } from './schemas.ts'

// The trigger's first day for someone with no start date.
const NO_START = '2000-01-01'

type Detail = { path: string; message: string }

/**
 * Changes some of a person's fields, audited field by field (`{ field: { from, to } }`), and bumps
 * updatedAt; a patch that changes nothing writes nothing. A date given alone is checked against
 * the stored other one. A new start day moves the first membership's first day with it, and
 * neither date may cut a membership off: the start stays on or before the end of the first team,
 * the leave date on or after joining the current one. Refused: no such person, an email another
 * person has.
 */
export async function editPerson(
  db: Kysely<Database>,
  change: { id: number; patch: PersonPatch },
  who: AuditContext,
) {
  const { id, patch } = change
  return db.transaction().execute(async (trx) => {
    const before = await lockPerson(trx, id)
    if (!before) return { refused: 'person_not_found' } as const
    const startDate = patch.startDate === undefined ? before.startDate : patch.startDate
    const endDate = patch.endDate === undefined ? before.endDate : patch.endDate
    const memberships = await membershipsOf(trx, id)
    const details = datesProblems(patch, { startDate, endDate }, memberships)
    if (details.length > 0) return { refused: 'invalid', details } as const
    if (
      patch.email != null &&
      patch.email !== before.email?.toLowerCase() &&
      (await emailTaken(trx, patch.email, id))
    ) {
      return { refused: 'email_taken' } as const
    }
    const changes = diff(before, patch)
    if (Object.keys(changes).length > 0) {
      await updatePerson(trx, id, { ...patch, updatedAt: who.at })
      const first = memberships[0]
      if ('startDate' in changes && first) {
        await trx
          .updateTable('teamMemberships')
          .set({ firstDay: startDate ?? NO_START })
          .where('id', '=', first.id)
          .execute()
      }
      await recordAudit(trx, who, {
        entity: 'person',
        entityId: id,
        action: 'update',
        changes: { name: before.name, ...changes },
      })
    }
    const person = await personRecord(trx, id)
    if (!person) throw new Error(`person ${id} vanished as they were changed`)
    return { person } as const
  })
}

function datesProblems(
  patch: PersonPatch,
  dates: { startDate: string | null; endDate: string | null },
  memberships: { firstDay: string; lastDay: string | null }[],
): Detail[] {
  const { startDate, endDate } = dates
  // The schema has compared two given dates; here one of them may be the stored one.
  if (startDate !== null && endDate !== null && endDate < startDate) {
    return patch.endDate !== undefined
      ? [{ path: 'json.endDate', message: `must be on or after startDate (${startDate})` }]
      : [{ path: 'json.startDate', message: `must be on or before endDate (${endDate})` }]
  }
  const details: Detail[] = []
  const first = memberships[0]
  if (patch.startDate !== undefined && first?.lastDay != null) {
    if ((startDate ?? NO_START) > first.lastDay) {
      details.push({
        path: 'json.startDate',
        message: `must be on or before ${first.lastDay}, the last day in their first team`,
      })
    }
  }
  const current = memberships.at(-1)
  if (
    patch.endDate != null &&
    current &&
    memberships.length > 1 &&
    patch.endDate < current.firstDay
  ) {
    details.push({
      path: 'json.endDate',
      message: `must be on or after ${current.firstDay}, the day they joined their current team`,
    })
  }
  return details
}
