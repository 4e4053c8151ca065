import type { Database } from '@opsdeck/db'
import { weeklyHours } from '@opsdeck/kpi'
import { type Kysely, sql } from 'kysely'
import { teamOnDay } from '../people/queries.ts'
import type { AllocationListQuery } from './schemas.ts'

/** `today`: the organisation's day, whose membership gives the person's team (shown, filtered). */
type Filters = Omit<AllocationListQuery, 'limit'> & { id?: number; today: string }

/** Allocations as the API answers them, by first day, person and id. */
export async function listAllocations(db: Kysely<Database>, filters: Filters, limit = 1000) {
  let query = db
    .selectFrom('allocations as a')
    .innerJoin('people as p', 'p.id', 'a.personId')
    .innerJoin('teams as t', (join) => join.on('t.id', '=', teamOnDay(filters.today)))
    .leftJoin('projects as j', 'j.id', 'a.projectId')
    .leftJoin('users as u', 'u.id', 'a.createdByUserId')
    .select([
      'a.id',
      'a.personId',
      'p.name as personName',
      'p.contractedHoursPerWeek',
      't.id as teamId',
      't.slug as teamSlug',
      't.name as teamName',
      'a.kind',
      'j.code as projectCode',
      'j.name as projectName',
      'a.firstDay',
      'a.lastDay',
      'a.hoursPerWeek',
      'a.percent',
      'a.status',
      'a.note',
      'a.createdAt',
      'a.updatedAt',
      'u.id as createdById',
      'u.name as createdByName',
    ])
  if (filters.id !== undefined) query = query.where('a.id', '=', filters.id)
  if (filters.person !== undefined) query = query.where('a.personId', '=', filters.person)
  if (filters.project !== undefined) query = query.where('j.code', '=', filters.project)
  if (filters.team !== undefined) query = query.where('t.slug', '=', filters.team)
  if (filters.from !== undefined) query = query.where('a.lastDay', '>=', filters.from)
  if (filters.to !== undefined) query = query.where('a.firstDay', '<=', filters.to)
  if (filters.status !== undefined) query = query.where('a.status', '=', filters.status)
  if (filters.kind !== undefined) query = query.where('a.kind', '=', filters.kind)
  const rows = await query
    .orderBy('a.firstDay')
    .orderBy('p.name')
    .orderBy('a.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    person: { id: r.personId, name: r.personName },
    team: { id: r.teamId, slug: r.teamSlug, name: r.teamName },
    kind: r.kind,
    project:
      r.projectCode === null || r.projectName === null
        ? null
        : { code: r.projectCode, name: r.projectName },
    firstDay: r.firstDay,
    lastDay: r.lastDay,
    hoursPerWeek: r.hoursPerWeek,
    percent: r.percent,
    weeklyHours: weeklyHours(r, r.contractedHoursPerWeek),
    status: r.status,
    note: r.note,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    createdBy:
      r.createdById === null || r.createdByName === null
        ? null
        : { id: r.createdById, name: r.createdByName },
  }))
}

/** One allocation as the API answers it, with the person's team on `today`; undefined when none. */
export async function findAllocation(db: Kysely<Database>, id: number, today: string) {
  return (await listAllocations(db, { id, today }, 1))[0]
}

/** An allocation's stored fields, as a write compares and audits them. */
export async function storedAllocation(db: Kysely<Database>, id: number, opts = { lock: false }) {
  let query = db
    .selectFrom('allocations as a')
    .leftJoin('projects as j', 'j.id', 'a.projectId')
    .select([
      'a.id',
      'a.personId',
      'a.kind',
      'j.code as projectCode',
      'a.firstDay',
      'a.lastDay',
      'a.hoursPerWeek',
      'a.percent',
      'a.status',
      'a.note',
    ])
    .where('a.id', '=', id)
  if (opts.lock) query = query.forUpdate('a')
  return query.executeTakeFirst()
}

export type StoredAllocation = NonNullable<Awaited<ReturnType<typeof storedAllocation>>>

/** A person as capacity's writes check them: employment dates and working pattern. */
export async function findPerson(db: Kysely<Database>, id: number, opts = { lock: false }) {
  let query = db
    .selectFrom('people')
    .select([
      'id',
      'name',
      'startDate',
      'endDate',
      'contractedHoursPerWeek',
      'workingDays',
      'bankHolidayRegion',
    ])
    .where('id', '=', id)
  if (opts.lock) query = query.forUpdate()
  return query.executeTakeFirst()
}

export type PersonRef = NonNullable<Awaited<ReturnType<typeof findPerson>>>

/** A project one may book people to: its id, or why not. */
export async function bookableProject(db: Kysely<Database>, code: string) {
  const project = await db
    .selectFrom('projects')
    .select(['id', 'status'])
    .where('code', '=', code)
    .executeTakeFirst()
  return bookable(code, project)
}

/** bookableProject for several codes at once: each code's answer. */
export async function bookableProjects(db: Kysely<Database>, codes: readonly string[]) {
  const rows = codes.length
    ? await db
        .selectFrom('projects')
        .select(['id', 'code', 'status'])
        // One array parameter, however many codes a file names.
        .where(sql<boolean>`code = any(${[...codes]}::text[])`)
        .execute()
    : []
  const byCode = new Map(rows.map((p) => [p.code, p]))
  return new Map(codes.map((code) => [code, bookable(code, byCode.get(code))]))
}

function bookable(code: string, project: { id: number; status: string } | undefined) {
  if (!project) return { problem: `is no project (${code})` } as const
  if (project.status === 'closed' || project.status === 'cancelled') {
    return { problem: `is ${project.status}: book people to a live project` } as const
  }
  return { id: project.id } as const
}

export type Bookable = ReturnType<typeof bookable>
