import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, diff, recordAudit } from '../../lib/audit.ts'
import { employmentText } from '../calendar/day.ts'
import {
  bookingsOutside,
  emailTaken,
  lockPerson,
  membershipsOf,
  organisationDay,
  personRecord,
  updatePerson,
} from './queries.ts'
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
 * person has, dates that would leave allocations or time off with no day in the employment (the
 * writes of those refuse such rows, and the export would not import again).
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
    if (startDate !== before.startDate || endDate !== before.endDate) {
      const stranded = await strandedBookings(trx, { ...before, startDate, endDate })
      if (stranded) return { refused: 'bookings_outside_employment', ...stranded } as const
    }
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
    const person = await personRecord(trx, id, await organisationDay(trx, who.at))
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

const DAY_MS = 86_400_000
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const daysOf = (t: { firstDay: string; lastDay: string; halfDay: boolean }) =>
  t.halfDay ? 0.5 : (Date.parse(t.lastDay) - Date.parse(t.firstDay)) / DAY_MS + 1
const spanText = (s: { firstDay: string; lastDay: string }) =>
  s.firstDay === s.lastDay ? s.firstDay : `${s.firstDay} to ${s.lastDay}`

/**
 * The allocations and time off new employment dates would leave with no day in it, said as a
 * manager reads it (how many, the first), with the date field that strands each; null when none.
 */
async function strandedBookings(
  db: Kysely<Database>,
  person: { id: number; name: string; startDate: string | null; endDate: string | null },
) {
  const { allocations, timeOff } = await bookingsOutside(db, person.id, person)
  if (allocations.length === 0 && timeOff.length === 0) return null
  const what = (a: typeof allocations, t: typeof timeOff) => {
    const parts = []
    if (a.length > 0) parts.push(plural(a.length, 'allocation'))
    if (t.length > 0) {
      const days = t.reduce((sum, o) => sum + daysOf(o), 0)
      parts.push(
        `${plural(t.length, 'time off entry', 'time off entries')} (${plural(days, 'day')})`,
      )
    }
    return parts.join(' and ')
  }
  const firstOf = (a: typeof allocations, t: typeof timeOff) => {
    const [alloc, off] = [a[0], t[0]]
    return alloc && (!off || alloc.firstDay <= off.firstDay)
      ? `allocation ${alloc.id}, ${spanText(alloc)}`
      : off
        ? `time off ${off.id}, ${spanText(off)}`
        : ''
  }
  const details: Detail[] = []
  const sides = [
    ['startDate', (s: { lastDay: string }) => s.lastDay < (person.startDate ?? '')],
    [
      'endDate',
      (s: { firstDay: string }) => person.endDate !== null && s.firstDay > person.endDate,
    ],
  ] as const
  for (const [field, strands] of sides) {
    const a = allocations.filter(strands)
    const t = timeOff.filter(strands)
    if (a.length + t.length === 0) continue
    const where = field === 'startDate' ? 'before' : 'after'
    details.push({
      path: `json.${field}`,
      message: `would leave ${what(a, t)} ${where} it, the first ${firstOf(a, t)}`,
    })
  }
  const message = `${person.name} has ${what(allocations, timeOff)} outside these dates (${employmentText(person)}), the first ${firstOf(allocations, timeOff)}: move or delete them first`
  return { message, details }
}
