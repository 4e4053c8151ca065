import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

// What the capacity model reads, in set-based queries: the people in play first, then everything
// about them over the days (memberships, calendars, leave, bookings, incident toil) at once.

export interface LoadArgs {
  /** First and last day, inclusive (`YYYY-MM-DD`). */
  from: string
  to: string
  /** Only people in one of these teams (by slug, or by id) on some day of the range. */
  teamSlug?: string | undefined
  teamIds?: readonly number[] | undefined
  /** Only people of this role (case-insensitive). */
  role?: string | undefined
  /** Only this person. */
  personId?: number | undefined
  /** Only people with an allocation to this project (by code) overlapping the range. */
  projectCode?: string | undefined
  /** The organisation's bank-holiday region and zone (a person's local day of incident toil). */
  orgRegion: string
  timezone: string
  /** An incident still open counts as commanded until now. */
  now: Date
}

/** People employed on some day of the range, in a team the filter admits. */
export async function listPeopleInPlay(db: Kysely<Database>, a: LoadArgs) {
  const { rows } = await sql<{
    id: number
    name: string
    role: string
    contractedHoursPerWeek: number
    workingDays: number[]
    startDate: string | null
    endDate: string | null
    region: string
  }>`
    SELECT p.id, p.name, p.role, p.contracted_hours_per_week::float8 AS contracted_hours_per_week,
      p.working_days::int[] AS working_days, p.start_date, p.end_date,
      coalesce(p.bank_holiday_region, ${a.orgRegion}) AS region
    FROM people p
    WHERE (p.start_date IS NULL OR p.start_date <= ${a.to}::date)
      AND (p.end_date IS NULL OR p.end_date >= ${a.from}::date)
      AND (${a.role ?? null}::text IS NULL OR lower(p.role) = lower(${a.role ?? null}::text))
      AND (${a.personId ?? null}::bigint IS NULL OR p.id = ${a.personId ?? null}::bigint)
      AND (${a.projectCode ?? null}::text IS NULL OR EXISTS (
        SELECT 1 FROM allocations al JOIN projects pr ON pr.id = al.project_id
        WHERE al.person_id = p.id AND pr.code = ${a.projectCode ?? null}::text
          AND al.first_day <= ${a.to}::date AND al.last_day >= ${a.from}::date))
      AND EXISTS (
        SELECT 1 FROM team_memberships m JOIN teams t ON t.id = m.team_id
        WHERE m.person_id = p.id AND m.first_day <= ${a.to}::date
          AND (m.last_day IS NULL OR m.last_day >= ${a.from}::date)
          AND (${a.teamSlug ?? null}::text IS NULL OR t.slug = ${a.teamSlug ?? null}::text)
          AND (${a.teamIds ? [...a.teamIds] : null}::bigint[] IS NULL
            OR t.id = ANY(${a.teamIds ? [...a.teamIds] : null}::bigint[])))
    ORDER BY p.name, p.id
  `.execute(db)
  return rows
}

/** A person by id, employed or not: their name and role. */
export async function findPersonRef(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('people')
    .select(['id', 'name', 'role'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Team memberships of the people overlapping the range, with their teams. */
export async function listMemberships(db: Kysely<Database>, ids: number[], a: LoadArgs) {
  const { rows } = await sql<{
    personId: number
    teamId: number
    teamSlug: string
    teamName: string
    firstDay: string
    lastDay: string | null
  }>`
    SELECT m.person_id, m.team_id, t.slug AS team_slug, t.name AS team_name, m.first_day, m.last_day
    FROM team_memberships m JOIN teams t ON t.id = m.team_id
    WHERE m.person_id = ANY(${ids}::bigint[]) AND m.first_day <= ${a.to}::date
      AND (m.last_day IS NULL OR m.last_day >= ${a.from}::date)
    ORDER BY m.person_id, m.first_day
  `.execute(db)
  return rows
}

/** Bank holidays of the regions in play and the organisation's closure days, in the range. */
export async function listCalendar(db: Kysely<Database>, regions: string[], a: LoadArgs) {
  const { rows } = await sql<{ region: string | null; day: string; name: string }>`
    SELECT region, day, name FROM bank_holidays
    WHERE region = ANY(${regions}::text[]) AND day BETWEEN ${a.from}::date AND ${a.to}::date
    UNION ALL
    SELECT NULL, day, name FROM closure_days WHERE day BETWEEN ${a.from}::date AND ${a.to}::date
  `.execute(db)
  return rows
}

export async function listTimeOff(db: Kysely<Database>, ids: number[], a: LoadArgs) {
  const { rows } = await sql<{
    id: number
    personId: number
    kind: string
    firstDay: string
    lastDay: string
    halfDay: boolean
  }>`
    SELECT id, person_id, kind, first_day, last_day, half_day FROM time_off
    WHERE person_id = ANY(${ids}::bigint[]) AND first_day <= ${a.to}::date
      AND last_day >= ${a.from}::date
    ORDER BY person_id, first_day, id
  `.execute(db)
  return rows
}

export async function listAllocations(db: Kysely<Database>, ids: number[], a: LoadArgs) {
  const { rows } = await sql<{
    id: number
    personId: number
    kind: 'project' | 'run' | 'support'
    status: 'confirmed' | 'tentative'
    firstDay: string
    lastDay: string
    hoursPerWeek: number | null
    percent: number | null
    projectCode: string | null
    projectName: string | null
  }>`
    SELECT a.id, a.person_id, a.kind, a.status, a.first_day, a.last_day,
      a.hours_per_week::float8 AS hours_per_week, a.percent::float8 AS percent,
      p.code AS project_code, p.name AS project_name
    FROM allocations a LEFT JOIN projects p ON p.id = a.project_id
    WHERE a.person_id = ANY(${ids}::bigint[]) AND a.first_day <= ${a.to}::date
      AND a.last_day >= ${a.from}::date
    ORDER BY a.person_id, a.first_day, a.id
  `.execute(db)
  return rows
}

/**
 * Per person and local day (the organisation's zone): hours commanding incidents, acknowledged to
 * resolved (or now), overlapping incidents counted once (range_agg), and responder hours logged.
 */
export async function listIncidentHours(db: Kysely<Database>, ids: number[], a: LoadArgs) {
  const { rows } = await sql<{
    personId: number
    day: string
    commanded: number
    logged: number
  }>`
    WITH days AS (
      SELECT d::date AS day,
        tstzrange(d::date::timestamp AT TIME ZONE ${a.timezone},
          (d::date + 1)::timestamp AT TIME ZONE ${a.timezone}) AS r
      FROM generate_series(${a.from}::date, ${a.to}::date, interval '1 day') d
    ), bounds AS (
      SELECT min(lower(r)) AS lo, max(upper(r)) AS hi FROM days
    ), spans AS (
      SELECT i.commander_person_id AS person_id,
        range_agg(tstzrange(i.acknowledged_at, coalesce(i.resolved_at, ${a.now}::timestamptz))) AS r
      FROM incidents i, bounds b
      WHERE i.commander_person_id = ANY(${ids}::bigint[]) AND i.acknowledged_at IS NOT NULL
        AND coalesce(i.resolved_at, ${a.now}::timestamptz) > i.acknowledged_at
        AND i.acknowledged_at < b.hi AND coalesce(i.resolved_at, ${a.now}::timestamptz) > b.lo
      GROUP BY i.commander_person_id
    ), commanded AS (
      SELECT s.person_id, d.day,
        sum(extract(epoch FROM upper(x) - lower(x))) / 3600 AS hours
      FROM spans s JOIN days d ON s.r && d.r
        CROSS JOIN LATERAL unnest(s.r * multirange(d.r)) x
      GROUP BY s.person_id, d.day
    ), logged AS (
      SELECT person_id, day, sum(hours) AS hours FROM incident_responder_hours
      WHERE person_id = ANY(${ids}::bigint[]) AND day BETWEEN ${a.from}::date AND ${a.to}::date
      GROUP BY person_id, day
    )
    SELECT coalesce(c.person_id, l.person_id) AS person_id, coalesce(c.day, l.day) AS day,
      coalesce(c.hours, 0)::float8 AS commanded, coalesce(l.hours, 0)::float8 AS logged
    FROM commanded c FULL JOIN logged l ON l.person_id = c.person_id AND l.day = c.day
  `.execute(db)
  return rows
}
