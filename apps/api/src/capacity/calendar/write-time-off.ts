import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, diff, recordAudit } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { type Detail, employmentText, invalid, overlapsEmployment, spanDetails } from './day.ts'
import { listTimeOff, lockPerson, overlappingTimeOff, storedTimeOff } from './queries.ts'
import { HALF_DAY_ONE_DAY, type NewTimeOff, type TimeOffPatch } from './schemas.ts'

// POST /time-off, PATCH and DELETE /time-off/:id: each write and its audit row (entity time_off)
// in one transaction, the person locked while their overlaps are checked; a refusal writes nothing.

type Fields = Omit<NewTimeOff, 'note' | 'kind'>

export const timeOffNotFound = errorBody('time_off_not_found', 'No time off with this id')

export type TimeOffRefusal =
  | { status: 400; body: ReturnType<typeof invalid> }
  | { status: 404 | 409 | 422; body: ReturnType<typeof errorBody> }

/**
 * Time off of the same person may not cover the same day twice, but for two half days of one day
 * (morning and afternoon), which make a whole one.
 */
async function overlapRefusal(
  db: Kysely<Database>,
  t: Fields,
  except: number | null,
): Promise<TimeOffRefusal | null> {
  const others = await overlappingTimeOff(db, t, except)
  const other = others[0]
  if (!other) return null
  if (t.halfDay && others.length === 1 && other.halfDay) return null
  const what = other.halfDay
    ? `half a day on ${other.firstDay}`
    : other.firstDay === other.lastDay
      ? other.firstDay
      : `${other.firstDay} to ${other.lastDay}`
  const message = `Overlaps the person’s time off ${what} (${other.kind}, id ${other.id})`
  const body = errorBody('time_off_overlaps', message, [
    { path: 'json.firstDay', message: `overlaps time off ${other.id} (${what})` },
  ])
  return { status: 409, body }
}

type Employed = { name: string; startDate: string | null; endDate: string | null }

/** Time off wholly outside the person's employment is refused, as an allocation is. */
function employmentRefusal(person: Employed, t: Fields, given: Partial<Fields>) {
  if (overlapsEmployment(person, t)) return null
  const message = `must overlap ${person.name}’s employment (${employmentText(person)})`
  // The days the body gave are named (POST gives both, as the allocations' refusal names both).
  const paths = (['firstDay', 'lastDay'] as const).filter((f) => given[f] !== undefined)
  const details = paths.map((f) => ({ path: `json.${f}`, message }))
  return { status: 400, body: invalid(details) } as const
}

const answer = async (db: Kysely<Database>, id: number) => {
  const [timeOff] = await listTimeOff(db, { id }, 1)
  if (!timeOff) throw new Error(`time off ${id} is gone`)
  return { timeOff } as const
}

export async function addTimeOff(
  db: Kysely<Database>,
  fields: NewTimeOff,
  who: AuditContext,
): Promise<{ refused: TimeOffRefusal } | Awaited<ReturnType<typeof answer>>> {
  return db.transaction().execute(async (trx) => {
    const person = await lockPerson(trx, fields.personId)
    if (!person) {
      const body = errorBody('unknown_person', 'No person with this id', [
        { path: 'json.personId', message: 'is no person' },
      ])
      return { refused: { status: 422, body } } as const
    }
    const outside = employmentRefusal(person, fields, fields)
    if (outside) return { refused: outside }
    const overlap = await overlapRefusal(trx, fields, null)
    if (overlap) return { refused: overlap }
    const row = await trx
      .insertInto('timeOff')
      .values({ ...fields, createdByUserId: who.actor.userId, createdAt: who.at })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, who, {
      entity: 'time_off',
      entityId: row.id,
      action: 'create',
      changes: created(fields),
    })
    return answer(trx, row.id)
  })
}

/** A patch that changes nothing writes nothing. */
export async function editTimeOff(
  db: Kysely<Database>,
  change: { id: number; patch: TimeOffPatch },
  who: AuditContext,
): Promise<{ refused: TimeOffRefusal } | Awaited<ReturnType<typeof answer>>> {
  return db.transaction().execute(async (trx) => {
    const personOf = await trx
      .selectFrom('timeOff')
      .select('personId')
      .where('id', '=', change.id)
      .executeTakeFirst()
    // The person first, then the row: the order the other writes of their time off lock in.
    const person = personOf && (await lockPerson(trx, personOf.personId))
    const stored = await storedTimeOff(trx, change.id)
    if (!stored) return { refused: { status: 404, body: timeOffNotFound } } as const
    const { id, ...before } = stored
    const after = { ...before }
    for (const [field, value] of Object.entries(change.patch)) {
      if (value !== undefined) Object.assign(after, { [field]: value })
    }
    const details: Detail[] = spanDetails(after, change.patch)
    if (details.length === 0 && after.halfDay && after.firstDay !== after.lastDay) {
      const path = change.patch.halfDay === undefined ? 'json.lastDay' : 'json.halfDay'
      const message =
        path === 'json.halfDay'
          ? HALF_DAY_ONE_DAY
          : `must be firstDay (${after.firstDay}): this time off is half a day (set halfDay false)`
      details.push({ path, message })
    }
    if (details.length > 0) return { refused: { status: 400, body: invalid(details) } } as const
    const datesGiven = change.patch.firstDay !== undefined || change.patch.lastDay !== undefined
    const outside = person && datesGiven ? employmentRefusal(person, after, change.patch) : null
    if (outside) return { refused: outside }
    const overlap = await overlapRefusal(trx, after, id)
    if (overlap) return { refused: overlap }

    const changes = diff(before, after)
    if (Object.keys(changes).length > 0) {
      const { firstDay, lastDay, kind, halfDay, note } = after
      await trx
        .updateTable('timeOff')
        .set({ firstDay, lastDay, kind, halfDay, note })
        .where('id', '=', id)
        .execute()
      await recordAudit(trx, who, {
        entity: 'time_off',
        entityId: id,
        action: 'update',
        changes: { personId: before.personId, ...changes },
      })
    }
    return answer(trx, id)
  })
}

export async function deleteTimeOff(db: Kysely<Database>, id: number, who: AuditContext) {
  return db.transaction().execute(async (trx) => {
    const stored = await storedTimeOff(trx, id)
    if (!stored) return { refused: true } as const
    await trx.deleteFrom('timeOff').where('id', '=', id).execute()
    await recordAudit(trx, who, {
      entity: 'time_off',
      entityId: id,
      action: 'delete',
      changes: Object.fromEntries(
        Object.entries(stored)
          .filter(([field]) => field !== 'id')
          .map(([field, from]) => [field, { from, to: null }]),
      ),
    })
    return { deleted: true } as const
  })
}
