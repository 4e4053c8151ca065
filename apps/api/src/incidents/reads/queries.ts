import { ENDED_INCIDENT_STATUSES, type Severity } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { IncidentCursor } from './cursor.ts'
import { likePattern } from '../../lib/like.ts'
import { listResponseTargets } from '../targets/queries.ts'

// The statements of GET /incidents and /incidents/:ref.

const ENDED = sql<boolean>`(i.status = ANY(${[...ENDED_INCIDENT_STATUSES]}::text[]))`

/** An incident's list columns: commander, affected services and the cursor's sort key. */
function selectIncidents(db: Kysely<Database>) {
  return db
    .selectFrom('incidents as i')
    .leftJoin('people as p', 'p.id', 'i.commanderPersonId')
    .select((eb) => [
      'i.id',
      'i.ref',
      'i.title',
      'i.severity',
      'i.status',
      'i.startedAt',
      'i.acknowledgedAt',
      'i.resolvedAt',
      'p.id as commanderId',
      'p.name as commanderName',
      ENDED.as('ended'),
      // To the microsecond: the cursor must hold the exact value it is compared with.
      sql<string>`to_char(i.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'startedKey',
      ),
      jsonArrayFrom(
        eb
          .selectFrom('incidentServices as isv')
          .innerJoin('services as s', 's.id', 'isv.serviceId')
          .select(['s.slug', 's.name', 'isv.impact'])
          .whereRef('isv.incidentId', '=', 'i.id')
          .orderBy(sql`isv.impact = 'outage'`, 'desc')
          .orderBy('s.name'),
      ).as('services'),
    ])
}

export type IncidentRow = Awaited<ReturnType<ReturnType<typeof selectIncidents>['execute']>>[number]

export interface IncidentFilters {
  status: 'open' | 'ended' | 'all'
  severities?: readonly Severity[] | undefined
  services?: readonly string[] | undefined
  teams?: readonly string[] | undefined
  q?: string | undefined
  from?: Date | undefined
  to?: Date | undefined
}

/** A page of the incidents the filters select, in the list's order, after `cursor`. */
export async function listIncidentRows(
  db: Kysely<Database>,
  f: IncidentFilters,
  page: { after?: IncidentCursor | undefined; limit: number },
) {
  return selectIncidents(db)
    .where((eb) => {
      const where: Expression<SqlBool>[] = []
      if (f.status === 'open') where.push(sql<boolean>`NOT ${ENDED}`)
      if (f.status === 'ended') where.push(ENDED)
      if (f.severities) where.push(eb('i.severity', 'in', [...f.severities]))
      if (f.from) where.push(eb('i.startedAt', '>=', f.from))
      if (f.to) where.push(eb('i.startedAt', '<', f.to))
      if (f.q) {
        const p = likePattern(f.q)
        where.push(eb.or([eb('i.title', 'ilike', p), eb('i.ref', 'ilike', p)]))
      }
      // Each filter narrows on its own: an affected service among `services`, and one (maybe
      // another) owned by one of `teams`.
      const affected = () =>
        eb
          .selectFrom('incidentServices as fs')
          .innerJoin('services as s', 's.id', 'fs.serviceId')
          .select(sql`1`.as('one'))
          .whereRef('fs.incidentId', '=', 'i.id')
      if (f.services) where.push(eb.exists(affected().where('s.slug', 'in', [...f.services])))
      if (f.teams) {
        const owned = affected()
          .innerJoin('teams as t', 't.id', 's.ownerTeamId')
          .where('t.slug', 'in', [...f.teams])
        where.push(eb.exists(owned))
      }
      if (page.after) where.push(afterKey(page.after))
      return eb.and(where)
    })
    .orderBy(ENDED)
    .orderBy('i.severity')
    .orderBy('i.startedAt', 'desc')
    .orderBy('i.id', 'desc')
    .limit(page.limit)
    .execute()
}

// Rows after the key in the order (ended asc, severity asc, started_at desc, id desc); the
// directions differ, so a row comparison cannot say it.
function afterKey(k: IncidentCursor) {
  const at = sql`${k.startedAt}::timestamptz`
  return sql<boolean>`(${ENDED} > ${k.ended} OR (${ENDED} = ${k.ended} AND (
    i.severity > ${k.severity} OR (i.severity = ${k.severity} AND (
      i.started_at < ${at} OR (i.started_at = ${at} AND i.id < ${k.id}))))))`
}

/** One incident by ref with the detail's columns, or undefined. */
export async function findIncidentByRef(db: Kysely<Database>, ref: string) {
  return selectIncidents(db)
    .select([
      'i.summary',
      'i.customerImpact',
      'i.detectedAt',
      'i.mitigatedAt',
      'i.closedAt',
      'i.source',
    ])
    .where('i.ref', '=', ref)
    .executeTakeFirst()
}

/** Acknowledge and resolve targets by severity, as an admin set them. */
export async function targetsBySeverity(db: Kysely<Database>) {
  const rows = await listResponseTargets(db)
  return new Map(rows.map((r) => [r.severity, r]))
}
export type ResponseTargetsBySeverity = Awaited<ReturnType<typeof targetsBySeverity>>

/** The incident's timeline, oldest first, with each author's name. */
export async function listTimeline(db: Kysely<Database>, incidentId: number) {
  return db
    .selectFrom('incidentEvents as e')
    .leftJoin('users as u', 'u.id', 'e.authorUserId')
    .select((eb) => [
      'e.at',
      'e.kind',
      'e.body',
      eb.fn.coalesce('u.name', 'e.author').as('author'),
      'e.data',
    ])
    .where('e.incidentId', '=', incidentId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute()
}

export async function findReview(db: Kysely<Database>, incidentId: number) {
  return db
    .selectFrom('incidentReviews')
    .select(['rootCause', 'contributingFactors', 'wentWell', 'lessons', 'completedAt', 'updatedAt'])
    .where('incidentId', '=', incidentId)
    .executeTakeFirst()
}

/** Follow-ups by due date (none last), then in the order added; `overdue` as of `today`. */
export async function listActions(db: Kysely<Database>, incidentId: number, today: string) {
  return db
    .selectFrom('incidentActions as a')
    .leftJoin('people as p', 'p.id', 'a.ownerPersonId')
    .select([
      'a.id',
      'a.title',
      'a.dueOn',
      'a.status',
      'a.completedAt',
      'p.id as ownerId',
      'p.name as ownerName',
      // No due date is never overdue.
      sql<boolean>`coalesce(a.status = 'open' AND a.due_on < ${today}::date, false)`.as('overdue'),
    ])
    .where('a.incidentId', '=', incidentId)
    .orderBy('a.dueOn', (ob) => ob.asc().nullsLast())
    .orderBy('a.id')
    .execute()
}
