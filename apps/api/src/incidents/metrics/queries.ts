import type { Severity } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { TimeRange } from '../../lib/range.ts'

// The statements of GET /incidents/metrics. The cohort is the incidents that started in the
// range and pass the filters; each figure is counted over it.

export interface MetricsFilter {
  range: TimeRange
  severities?: readonly Severity[] | undefined
  /** Service slugs: incidents affecting any of them. */
  services?: readonly string[] | undefined
  /** Team slugs: incidents affecting a service one of them owns. */
  teams?: readonly string[] | undefined
}

const DAY_MS = 86_400_000

/** The cohort: incidents (as `i`) started in [from, to) that pass the filters. */
function cohort(db: Kysely<Database>, f: MetricsFilter) {
  return db.selectFrom('incidents as i').where((eb) => {
    const where: Expression<SqlBool>[] = [
      eb('i.startedAt', '>=', f.range.from),
      eb('i.startedAt', '<', f.range.to),
    ]
    if (f.severities) where.push(eb('i.severity', 'in', [...f.severities]))
    // As the list filters: an affected service among `services`, and one (maybe another)
    // owned by one of `teams`.
    const affected = () =>
      eb
        .selectFrom('incidentServices as fis')
        .innerJoin('services as fs', 'fs.id', 'fis.serviceId')
        .select(sql`1`.as('one'))
        .whereRef('fis.incidentId', '=', 'i.id')
    if (f.services) where.push(eb.exists(affected().where('fs.slug', 'in', [...f.services])))
    if (f.teams) {
      const owned = affected()
        .innerJoin('teams as ft', 'ft.id', 'fs.ownerTeamId')
        .where('ft.slug', 'in', [...f.teams])
      where.push(eb.exists(owned))
    }
    return eb.and(where)
  })
}

// The services the per-service and per-team figures list: those passing the service and team
// filters, so that filtering on a service shows that service, not its incidents' other ones.
function inScope(
  eb: ExpressionBuilder<Database & { s: Database['services'] }, 's'>,
  f: MetricsFilter,
) {
  const where: Expression<SqlBool>[] = []
  if (f.services) where.push(eb('s.slug', 'in', [...f.services]))
  if (f.teams) {
    const owners = eb
      .selectFrom('teams')
      .select('teams.id')
      .where('teams.slug', 'in', [...f.teams])
    where.push(eb('s.ownerTeamId', 'in', owners))
  }
  return eb.and(where)
}

const monthOf = (timezone: string) =>
  sql<string>`to_char(i.started_at AT TIME ZONE ${timezone}, 'YYYY-MM')`

/** The cohort's incidents, oldest first, with their milestones, local month and services. */
export async function listCohortIncidents(
  db: Kysely<Database>,
  f: MetricsFilter,
  timezone: string,
) {
  return cohort(db, f)
    .select((eb) => [
      'i.id',
      'i.ref',
      'i.title',
      'i.severity',
      'i.startedAt',
      'i.detectedAt',
      'i.acknowledgedAt',
      'i.resolvedAt',
      monthOf(timezone).as('month'),
      jsonArrayFrom(
        eb
          .selectFrom('incidentServices as isv')
          .innerJoin('services as sv', 'sv.id', 'isv.serviceId')
          .select(['sv.id', 'sv.slug', 'sv.name'])
          .whereRef('isv.incidentId', '=', 'i.id')
          .orderBy('sv.slug'),
      ).as('services'),
    ])
    .orderBy('i.startedAt')
    .orderBy('i.id')
    .execute()
}
export type CohortIncident = Awaited<ReturnType<typeof listCohortIncidents>>[number]

/** Cohort incidents per local month and severity (only the pairs that have some). */
export async function countByMonthAndSeverity(
  db: Kysely<Database>,
  f: MetricsFilter,
  timezone: string,
) {
  return cohort(db, f)
    .select((eb) => [
      monthOf(timezone).as('month'),
      'i.severity',
      eb.fn.countAll<number>().as('count'),
    ])
    .groupBy([sql`1`, 'i.severity'])
    .execute()
}

/**
 * Cohort incidents per affected service in scope, most first, with the service's owner and SLO.
 * An incident lists a service once, so the count is of incidents.
 */
export async function countByService(db: Kysely<Database>, f: MetricsFilter) {
  return cohort(db, f)
    .innerJoin('incidentServices as is', 'is.incidentId', 'i.id')
    .innerJoin('services as s', 's.id', 'is.serviceId')
    .leftJoin('teams as t', 't.id', 's.ownerTeamId')
    .where((eb) => inScope(eb, f))
    .select((eb) => [
      's.id',
      's.slug',
      's.name',
      's.sloTarget',
      's.sloWindowDays',
      't.slug as teamSlug',
      't.name as teamName',
      eb.fn.countAll<number>().as('count'),
    ])
    .groupBy(['s.id', 't.id'])
    .orderBy('count', 'desc')
    .orderBy('s.slug')
    .execute()
}

/** Cohort incidents per team owning an affected service in scope: each incident once a team. */
export async function countByTeam(db: Kysely<Database>, f: MetricsFilter) {
  return cohort(db, f)
    .innerJoin('incidentServices as is', 'is.incidentId', 'i.id')
    .innerJoin('services as s', 's.id', 'is.serviceId')
    .innerJoin('teams as t', 't.id', 's.ownerTeamId')
    .where((eb) => inScope(eb, f))
    .select((eb) => ['t.slug', 't.name', eb.fn.count<number>('i.id').distinct().as('count')])
    .groupBy('t.id')
    .orderBy('count', 'desc')
    .orderBy('t.slug')
    .execute()
}

/** The cohort's follow-up actions: open, and open past their due day (before `today`). */
export async function countFollowUps(db: Kysely<Database>, f: MetricsFilter, today: string) {
  const row = await cohort(db, f)
    .innerJoin('incidentActions as a', 'a.incidentId', 'i.id')
    .select([
      sql<number>`count(*) FILTER (WHERE a.status = 'open')`.as('open'),
      // No due day is never overdue.
      sql<number>`count(*) FILTER (WHERE a.status = 'open' AND a.due_on < ${today}::date)`.as(
        'overdue',
      ),
    ])
    .executeTakeFirstOrThrow()
  return { open: Number(row.open), overdue: Number(row.overdue) }
}

/**
 * Every incident with an affected service that started in the range or up to `days` before it,
 * whatever the filters: an incident's previous one on a service may be of another severity.
 */
export async function listRepeatCandidates(db: Kysely<Database>, range: TimeRange, days: number) {
  return db
    .selectFrom('incidents as i')
    .innerJoin('incidentServices as is', 'is.incidentId', 'i.id')
    .select((eb) => [
      'i.id',
      'i.startedAt',
      eb.fn.agg<number[]>('array_agg', ['is.serviceId']).as('serviceIds'),
    ])
    .where('i.startedAt', '>=', new Date(range.from.getTime() - days * DAY_MS))
    .where('i.startedAt', '<', range.to)
    .groupBy('i.id')
    .execute()
}
