import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'

const named = (id: number | null, name: string | null) =>
  id === null || name === null ? null : { id, name }

/** Time off as the API answers it, by first day, person and id. */
export async function listTimeOff(
  db: Kysely<Database>,
  filters: { id?: number; person?: number; from?: string; to?: string },
  limit: number,
) {
  let query = db
    .selectFrom('timeOff as o')
    .innerJoin('people as p', 'p.id', 'o.personId')
    .leftJoin('users as u', 'u.id', 'o.createdByUserId')
    .select([
      'o.id',
      'o.personId',
      'p.name as personName',
      'o.firstDay',
      'o.lastDay',
      'o.kind',
      'o.halfDay',
      'o.note',
      'o.createdAt',
      'u.id as createdById',
      'u.name as createdByName',
    ])
  if (filters.id !== undefined) query = query.where('o.id', '=', filters.id)
  if (filters.person !== undefined) query = query.where('o.personId', '=', filters.person)
  if (filters.from !== undefined) query = query.where('o.lastDay', '>=', filters.from)
  if (filters.to !== undefined) query = query.where('o.firstDay', '<=', filters.to)
  const rows = await query
    .orderBy('o.firstDay')
    .orderBy('p.name')
    .orderBy('o.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    person: { id: r.personId, name: r.personName },
    firstDay: r.firstDay,
    lastDay: r.lastDay,
    kind: r.kind,
    halfDay: r.halfDay,
    note: r.note,
    createdAt: r.createdAt,
    createdBy: named(r.createdById, r.createdByName),
  }))
}

/** A stretch of time off's stored fields, as a write compares and audits them. */
export async function storedTimeOff(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('timeOff')
    .select(['id', 'personId', 'firstDay', 'lastDay', 'kind', 'halfDay', 'note'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

/** The person's other time off on any day from firstDay to lastDay. */
export async function overlappingTimeOff(
  db: Kysely<Database>,
  span: { personId: number; firstDay: string; lastDay: string },
  except: number | null,
) {
  let query = db
    .selectFrom('timeOff')
    .select(['id', 'firstDay', 'lastDay', 'kind', 'halfDay'])
    .where('personId', '=', span.personId)
    .where('lastDay', '>=', span.firstDay)
    .where('firstDay', '<=', span.lastDay)
  if (except !== null) query = query.where('id', '<>', except)
  return query.orderBy('firstDay').orderBy('id').execute()
}

/** Locks the person, so that two writes of their time off check overlaps one after the other. */
export async function lockPerson(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('people')
    .select(['id', 'name', 'startDate', 'endDate'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export async function listClosureDays(db: Kysely<Database>, range: { from?: string; to?: string }) {
  let query = db.selectFrom('closureDays').select(['day', 'name', 'createdAt'])
  if (range.from !== undefined) query = query.where('day', '>=', range.from)
  if (range.to !== undefined) query = query.where('day', '<=', range.to)
  return query.orderBy('day').execute()
}

/** The incident a ref names, with its start; undefined when none. */
export async function findIncidentRef(db: Kysely<Database>, ref: string) {
  return db
    .selectFrom('incidents')
    .select(['id', 'ref', 'startedAt'])
    .where('ref', '=', ref)
    .executeTakeFirst()
}

/** Hours logged on an incident, by day and person. */
export async function listResponderHours(
  db: Kysely<Database>,
  incidentId: number,
  one?: { personId: number; day: string },
) {
  let query = db
    .selectFrom('incidentResponderHours as h')
    .innerJoin('people as p', 'p.id', 'h.personId')
    .leftJoin('users as u', 'u.id', 'h.createdByUserId')
    .select([
      'h.personId',
      'p.name as personName',
      'h.day',
      'h.hours',
      'h.note',
      'h.createdAt',
      'u.id as createdById',
      'u.name as createdByName',
    ])
    .where('h.incidentId', '=', incidentId)
  if (one) query = query.where('h.personId', '=', one.personId).where('h.day', '=', one.day)
  const rows = await query.orderBy('h.day').orderBy('p.name').orderBy('h.id').execute()
  return rows.map((r) => ({
    person: { id: r.personId, name: r.personName },
    day: r.day,
    hours: r.hours,
    note: r.note,
    createdAt: r.createdAt,
    createdBy: named(r.createdById, r.createdByName),
  }))
}
