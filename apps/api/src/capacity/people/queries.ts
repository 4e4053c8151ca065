import type { BankHolidayRegion } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import { type Kysely, sql, type Updateable } from 'kysely'
import { localDay } from '../../lib/calendar.ts'
import { likePattern } from '../../lib/like.ts'
import type { Person, PersonRecord } from './schemas.ts'

type Db = Kysely<Database>

/**
 * The id of the team person `p` (the query's alias) is in on `day`: their membership covering it;
 * before they start, their first; after they leave, their last. people.team_id is the latest
 * membership's team, which a move planned for a later day changes at once, so reads of "their team"
 * use this instead.
 */
export function teamOnDay(day: string) {
  // Memberships follow each other: the latest one begun by `day`, else the first one.
  return sql<number>`coalesce((
    SELECT m.team_id FROM team_memberships m WHERE m.person_id = p.id
    ORDER BY m.first_day > ${day}::date, abs(m.first_day - ${day}::date), m.id DESC LIMIT 1
  ), p.team_id)`
}

// A person's fields as the list and the record show them, their team on `today` joined.
function selectPeople(db: Db, today: string) {
  return db
    .selectFrom('people as p')
    .innerJoin('teams as t', (join) => join.on('t.id', '=', teamOnDay(today)))
    .select([
      'p.id',
      'p.name',
      'p.email',
      't.id as teamId',
      't.slug as teamSlug',
      't.name as teamName',
      'p.role',
      'p.skills',
      'p.contractedHoursPerWeek',
      'p.workingDays',
      'p.costRatePencePerHour',
      'p.startDate',
      'p.endDate',
      'p.bankHolidayRegion',
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof selectPeople>['execute']>>[number]

const personOf = ({ teamId, teamSlug, teamName, bankHolidayRegion, ...p }: Row): Person => ({
  ...p,
  team: { id: teamId, slug: teamSlug, name: teamName },
  bankHolidayRegion: bankHolidayRegion as BankHolidayRegion | null,
})

/**
 * The people by name, with their team on `today`; by default those working here on `today`
 * (started, not yet left). `q` is part of the name in any case, `team` a team's slug (their team
 * on `today`), `role` and `skill` match whole, in any case. At most `limit`.
 */
export async function listPeople(
  db: Db,
  args: {
    today: string
    q?: string | undefined
    team?: string | undefined
    role?: string | undefined
    skill?: string | undefined
    includeLeft?: boolean | undefined
    limit: number
  },
): Promise<Person[]> {
  let query = selectPeople(db, args.today)
  if (!args.includeLeft) {
    query = query
      .where((eb) => eb.or([eb('p.startDate', 'is', null), eb('p.startDate', '<=', args.today)]))
      .where((eb) => eb.or([eb('p.endDate', 'is', null), eb('p.endDate', '>=', args.today)]))
  }
  if (args.q) query = query.where('p.name', 'ilike', likePattern(args.q))
  if (args.team) query = query.where('t.slug', '=', args.team)
  if (args.role) query = query.where(sql`lower(p.role)`, '=', args.role.toLowerCase())
  if (args.skill) {
    const skill = args.skill.toLowerCase()
    query = query.where(
      sql<boolean>`EXISTS (SELECT 1 FROM unnest(p.skills) s WHERE lower(s) = ${skill})`,
    )
  }
  const rows = await query.orderBy('p.name').orderBy('p.id').limit(args.limit).execute()
  return rows.map(personOf)
}

/**
 * One person as GET /people/:id answers: their team on `today`, their team history newest first
 * and the region whose bank holidays they have. Undefined when there is none.
 */
export async function personRecord(
  db: Db,
  id: number,
  today: string,
): Promise<PersonRecord | undefined> {
  const row = await selectPeople(db, today)
    .select(['p.createdAt', 'p.updatedAt'])
    .where('p.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  const [memberships, org] = await Promise.all([
    db
      .selectFrom('teamMemberships as m')
      .innerJoin('teams as t', 't.id', 'm.teamId')
      .select(['t.id', 't.slug', 't.name', 'm.firstDay', 'm.lastDay'])
      .where('m.personId', '=', id)
      .orderBy('m.firstDay', 'desc')
      .orderBy('m.id', 'desc')
      .execute(),
    db.selectFrom('organisationSettings').select('bankHolidayRegion').executeTakeFirstOrThrow(),
  ])
  const { createdAt, updatedAt, ...fields } = row
  const person = personOf(fields)
  return {
    ...person,
    region: person.bankHolidayRegion
      ? { code: person.bankHolidayRegion, source: 'person' }
      : { code: org.bankHolidayRegion as BankHolidayRegion, source: 'organisation' },
    memberships: memberships.map(({ firstDay, lastDay, ...team }) => ({ team, firstDay, lastDay })),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  }
}

/** The organisation's calendar day at `at`: it decides who has started, left, and their team. */
export async function organisationDay(db: Db, at: Date) {
  const org = await db
    .selectFrom('organisationSettings')
    .select('timezone')
    .executeTakeFirstOrThrow()
  return localDay(at, org.timezone)
}

/** The person's stored fields, locked for the caller's transaction; undefined when none. */
export function lockPerson(db: Db, id: number) {
  return db
    .selectFrom('people')
    .select([
      'id',
      'teamId',
      'name',
      'email',
      'role',
      'skills',
      'contractedHoursPerWeek',
      'workingDays',
      'costRatePencePerHour',
      'startDate',
      'endDate',
      'bankHolidayRegion',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export async function teamExists(db: Db, id: number) {
  return (
    (await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !==
    undefined
  )
}

/** Whether another person (not `exceptId`) has the email, in any case. */
export async function emailTaken(db: Db, email: string, exceptId?: number) {
  let query = db
    .selectFrom('people')
    .select('id')
    .where(sql`lower(email)`, '=', email.toLowerCase())
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

export function updatePerson(db: Db, id: number, values: Updateable<Database['people']>) {
  return db.updateTable('people').set(values).where('id', '=', id).execute()
}

/** What keeps a person from being deleted: their plans and history. */
export async function personUsage(db: Db, id: number) {
  const count = (table: string, column: string) =>
    sql<number>`(SELECT count(*) FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${id})::int`
  const row = await db
    .selectNoFrom([
      count('allocations', 'person_id').as('allocations'),
      count('time_off', 'person_id').as('timeOff'),
      count('incidents', 'commander_person_id').as('incidentsCommanded'),
      count('incident_responder_hours', 'person_id').as('responderHours'),
      count('incident_actions', 'owner_person_id').as('incidentActions'),
      count('projects', 'owner_person_id').as('projectsOwned'),
    ])
    .executeTakeFirstOrThrow()
  return row
}

/** The person's memberships, oldest first. */
export function membershipsOf(db: Db, personId: number) {
  return db
    .selectFrom('teamMemberships')
    .select(['id', 'teamId', 'firstDay', 'lastDay'])
    .where('personId', '=', personId)
    .orderBy('firstDay')
    .orderBy('id')
    .execute()
}

type Span = { id: number; firstDay: string; lastDay: string }

/**
 * The person's allocations and time off with not one day between `startDate` and `endDate` (null:
 * open), first day first: what new employment dates would strand (the writes refuse such rows).
 */
export async function bookingsOutside(
  db: Db,
  personId: number,
  dates: { startDate: string | null; endDate: string | null },
): Promise<{ allocations: Span[]; timeOff: (Span & { halfDay: boolean })[] }> {
  const { startDate, endDate } = dates
  if (startDate === null && endDate === null) return { allocations: [], timeOff: [] }
  const outside = sql<boolean>`(${startDate}::date IS NOT NULL AND last_day < ${startDate}::date)
    OR (${endDate}::date IS NOT NULL AND first_day > ${endDate}::date)`
  const [allocations, timeOff] = await Promise.all([
    db
      .selectFrom('allocations')
      .select(['id', 'firstDay', 'lastDay'])
      .where('personId', '=', personId)
      .where(outside)
      .orderBy('firstDay')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('timeOff')
      .select(['id', 'firstDay', 'lastDay', 'halfDay'])
      .where('personId', '=', personId)
      .where(outside)
      .orderBy('firstDay')
      .orderBy('id')
      .execute(),
  ])
  return { allocations, timeOff }
}
