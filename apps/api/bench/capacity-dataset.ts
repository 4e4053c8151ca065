import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

export interface CapacityShape {
  people: number
  teams: number
}

export interface CapacityInfo extends CapacityShape {
  allocations: number
  tentative: number
  timeOff: number
  closureDays: number
  bankHolidays: number
  moves: number
  incidents: number
  responderHours: number
  tierOneServices: number
  buildSeconds: number
}

const TEAM_NAMES = [
  'Infrastructure',
  'Service Desk',
  'Networks',
  'Databases',
  'Cloud Platform',
  'Security Ops',
  'Identity',
  'End User Computing',
  'Integration',
  'Data Platform',
  'Web Apps',
  'ERP',
  'CRM',
  'Telephony',
  'Storage',
  'Backup',
  'Monitoring',
  'Release',
  'Architecture',
  'PMO',
  'Field Support',
  'Messaging',
  'Finance Systems',
  'HR Systems',
  'Analytics',
]
const ROLES = [
  'Engineer',
  'Senior engineer',
  'Service desk analyst',
  'Network engineer',
  'Database administrator',
  'Architect',
  'Project manager',
  'Team lead',
]
// The first OPS_TEAMS teams command incidents and log responder hours.
const OPS_TEAMS = 10

/**
 * The capacity area at scale (issue 11): `people` people in `teams` teams of uneven size (`cap-01`
 * …, the last two of 2–4 people), a tenth part-time (Mon–Wed or Mon–Thu), a tenth Scottish and a
 * twentieth Northern Irish, some joining or leaving within the range, a twentieth moved team 60
 * days ago. Each person has a run/BAU share over the year around today, a third a support rota,
 * and 2–4 project bookings on the live BENCH- projects (a quarter tentative); six spells of leave
 * (some half days, some sick) over the year; closure days between Christmas and New Year; a
 * service of each tier per team; a year of incidents (4 a day) commanded by the first ten teams,
 * each with two responders' hours. All in SQL from a fixed seed; built once (a bench_capacity row
 * records it), needs the projects.
 */
export async function ensureCapacity(
  db: Kysely<Database>,
  shape: CapacityShape,
  now: Date,
  log: (line: string) => void,
): Promise<CapacityInfo> {
  await sql`CREATE TABLE IF NOT EXISTS bench_capacity (people int, teams int,
    build_seconds numeric)`.execute(db)
  const { rows } = await sql<CapacityShape & { buildSeconds: number }>`
    SELECT people, teams, build_seconds FROM bench_capacity`.execute(db)
  const built = rows[0]
  if (built) {
    if (built.people !== shape.people || built.teams !== shape.teams) {
      throw new Error('the bench database holds another capacity shape: remove its folder first')
    }
    log('reusing the capacity dataset')
    return describe(db, shape, Number(built.buildSeconds))
  }
  const t0 = performance.now()
  await db.transaction().execute(async (trx) => {
    await sql`SELECT setseed(0.11)`.execute(trx)
    await insertPeople(trx, shape, now)
    await insertBookings(trx, now)
    await insertIncidents(trx, now)
  })
  const buildSeconds = (performance.now() - t0) / 1000
  await sql`INSERT INTO bench_capacity VALUES (${shape.people}, ${shape.teams},
    ${buildSeconds})`.execute(db)
  return describe(db, shape, buildSeconds)
}

const todayOf = (now: Date) => sql`(${now}::timestamptz AT TIME ZONE
  (SELECT timezone FROM organisation_settings LIMIT 1))::date`

async function insertPeople(db: Kysely<Database>, shape: CapacityShape, now: Date) {
  const today = todayOf(now)
  const names = Array.from({ length: shape.teams }, (_, i) => TEAM_NAMES[i] ?? `Team ${i + 1}`)
  await sql`
    INSERT INTO teams (slug, name)
    SELECT 'cap-' || lpad(i::text, 2, '0'), n
    FROM unnest(${names}::text[]) WITH ORDINALITY AS t (n, i)`.execute(db)
  // Team sizes skewed (the first teams largest), ~20 on average; the last two teams are a handful
  // (every 125th and every 167th person), so their tier-1 services are short of cover some days.
  await sql`
    WITH g AS (
      SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
        random() AS r6
      FROM generate_series(1, ${shape.people}) AS g
    )
    INSERT INTO people (team_id, name, email, role, contracted_hours_per_week, working_days,
      bank_holiday_region, start_date, end_date, skills, cost_rate_pence_per_hour)
    SELECT t.id, 'Cap Person ' || g, 'cap-' || g || '@bench.invalid',
      (${ROLES}::text[])[1 + floor(r1 * ${ROLES.length})::int],
      CASE WHEN r2 < 0.1 THEN 22.5 WHEN r2 < 0.2 THEN 30 ELSE 37.5 END,
      CASE WHEN r2 < 0.1 THEN '{1,2,3}'::smallint[] WHEN r2 < 0.2 THEN '{1,2,3,4}'::smallint[]
        ELSE '{1,2,3,4,5}'::smallint[] END,
      CASE WHEN r3 < 0.1 THEN 'GB-SCT' WHEN r3 < 0.15 THEN 'GB-NIR' END,
      CASE WHEN r4 < 0.04 THEN ${today} + 1 + floor(r5 * 90)::int
        WHEN r4 < 0.6 THEN ${today} - 120 - floor(r5 * 3000)::int END,
      CASE WHEN r4 > 0.96 THEN ${today} + 1 + floor(r5 * 120)::int END,
      ARRAY['itil', (ARRAY['linux', 'windows', 'azure', 'aws', 'cisco', 'sql'])[1 + g % 6]],
      3000 + floor(r5 * 5000)::int
    FROM g JOIN teams t ON t.slug = 'cap-' || lpad(
      CASE WHEN g % 125 = 0 THEN ${shape.teams} WHEN g % 167 = 0 THEN ${shape.teams - 1}
        ELSE 1 + floor((${shape.teams} - 2) * power(r6, 1.3)) END::int::text, 2, '0')
    ORDER BY g`.execute(db)

  // A twentieth moved to the next team 60 days ago: past weeks stay with the old one.
  await sql`
    CREATE TEMP TABLE cap_moves ON COMMIT DROP AS
    WITH t AS (SELECT array_agg(id ORDER BY slug) AS ids FROM teams WHERE slug LIKE 'cap-%')
    SELECT p.id, t.ids[1 + array_position(t.ids, p.team_id) % cardinality(t.ids)] AS to_team,
      ${today} - 60 AS day
    FROM people p, t
    WHERE p.email LIKE 'cap-%' AND p.id % 20 = 0
      AND (p.start_date IS NULL OR p.start_date < ${today} - 60)`.execute(db)
  await sql`UPDATE team_memberships m SET last_day = c.day - 1 FROM cap_moves c
    WHERE m.person_id = c.id AND m.last_day IS NULL`.execute(db)
  await sql`INSERT INTO team_memberships (person_id, team_id, first_day)
    SELECT id, to_team, day FROM cap_moves`.execute(db)
  await sql`UPDATE people p SET team_id = c.to_team FROM cap_moves c WHERE p.id = c.id`.execute(db)
}

async function insertBookings(db: Kysely<Database>, now: Date) {
  const today = todayOf(now)
  const capPeople = sql`SELECT id FROM people WHERE email LIKE 'cap-%'`
  // Run/BAU 10–40% over the year around today.
  await sql`
    INSERT INTO allocations (person_id, kind, first_day, last_day, percent, status, note)
    SELECT id, 'run', ${today} - 182, ${today} + 182, 10 + 5 * floor(random() * 7), 'confirmed',
      'BAU' FROM (${capPeople}) p`.execute(db)
  // A third on a support rota: two 13-week spells of 4–8 hours a week.
  await sql`
    INSERT INTO allocations (person_id, kind, first_day, last_day, hours_per_week, status)
    SELECT id, 'support', ${today} - 91 + k * 91, ${today} - 1 + (k + 1) * 91,
      4 + floor(random() * 5), 'confirmed'
    FROM (${capPeople}) p CROSS JOIN generate_series(0, 1) AS k WHERE p.id % 3 = 0`.execute(db)
  // 2–4 project bookings of 4–16 hours a week, 1–6 months long, on live projects.
  await sql`
    WITH live AS (
      SELECT array_agg(id ORDER BY id) AS ids FROM projects
      WHERE status IN ('active', 'on_hold', 'proposed')
    ), b AS (
      SELECT p.id, random() AS r1, random() AS r2, random() AS r3, random() AS r4
      FROM (${capPeople}) p CROSS JOIN LATERAL generate_series(1, 2 + (p.id % 3)::int) AS k
    )
    INSERT INTO allocations (person_id, kind, project_id, first_day, last_day, hours_per_week,
      status, note)
    SELECT b.id, 'project', live.ids[1 + floor(r1 * cardinality(live.ids))::int],
      ${today} - 180 + floor(r2 * 300)::int,
      ${today} - 180 + floor(r2 * 300)::int + 30 + floor(r3 * 150)::int,
      4 + 2 * floor(r4 * 7),
      CASE WHEN r3 < 0.25 THEN 'tentative' ELSE 'confirmed' END, 'Project work'
    FROM b, live`.execute(db)

  // Six spells of leave, one in each two months of the year around today: 1–10 days, a tenth
  // half a day, a tenth sick.
  await sql`
    WITH s AS (
      SELECT p.id, k, ${today} - 183 + k * 61 + floor(random() * 50)::int AS first_day,
        random() AS r
      FROM (${capPeople}) p CROSS JOIN generate_series(0, 5) AS k
    )
    INSERT INTO time_off (person_id, first_day, last_day, kind, half_day)
    SELECT id, first_day,
      CASE WHEN r < 0.1 THEN first_day ELSE first_day + floor(r * 10)::int END,
      CASE WHEN r >= 0.1 AND r < 0.2 THEN 'sick' ELSE 'annual_leave' END, r < 0.1
    FROM s`.execute(db)

  await sql`
    INSERT INTO closure_days (day, name)
    SELECT make_date(y, 12, d), 'Christmas closure'
    FROM generate_series(extract(year FROM ${today})::int - 1,
      extract(year FROM ${today})::int + 1) AS y, unnest(ARRAY[29, 30, 31]) AS d
    WHERE extract(isodow FROM make_date(y, 12, d)) < 6
    ON CONFLICT DO NOTHING`.execute(db)
}

async function insertIncidents(db: Kysely<Database>, now: Date) {
  // A service of each tier a team (the tier-1 owners' cover is checked).
  await sql`
    INSERT INTO services (slug, name, tier, owner_team_id, slo_target, check_mode)
    SELECT 'cap-svc-' || t.slug || '-' || k, t.name || ' service ' || k, k, t.id,
      (ARRAY[0.999, 0.995, 0.99])[k], 'push'
    FROM teams t CROSS JOIN generate_series(1, 3) AS k WHERE t.slug LIKE 'cap-%'`.execute(db)
  // 4 a day for a year; the newest 3 still open. Commanders and responders from the ops teams.
  await sql`
    CREATE TEMP TABLE cap_ops ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY p.id) AS n, p.id
    FROM people p JOIN teams t ON t.id = p.team_id
    WHERE t.slug <= ${'cap-' + String(OPS_TEAMS).padStart(2, '0')} AND t.slug LIKE 'cap-%'
      AND p.start_date IS NULL`.execute(db)
  await sql`
    WITH g AS (
      SELECT g, ${now}::timestamptz - (g * interval '6 hours') + random() * interval '5 hours'
          AS started_at,
        (2 + random() * 28) * interval '1 minute' AS to_ack,
        (30 + random() * 570) * interval '1 minute' AS to_resolve,
        1 + floor(random() * (SELECT count(*) FROM cap_ops))::int AS commander, random() AS r
      FROM generate_series(1, 1460) AS g
    )
    INSERT INTO incidents (ref, title, severity, status, started_at, detected_at,
      acknowledged_at, resolved_at, commander_person_id, source)
    SELECT 'CAP-' || lpad(g::text, 5, '0'), 'Bench incident ' || g,
      CASE WHEN r < 0.05 THEN 'SEV1' WHEN r < 0.25 THEN 'SEV2' WHEN r < 0.7 THEN 'SEV3'
        ELSE 'SEV4' END,
      CASE WHEN g <= 3 THEN 'acknowledged' ELSE 'resolved' END,
      started_at, started_at, started_at + to_ack,
      CASE WHEN g > 3 THEN started_at + to_ack + to_resolve END,
      (SELECT id FROM cap_ops WHERE n = commander), 'bench'
    FROM g ORDER BY started_at`.execute(db)
  await sql`
    INSERT INTO incident_services (incident_id, service_id)
    SELECT i.id, s.ids[1 + i.id % cardinality(s.ids)]
    FROM incidents i,
      (SELECT array_agg(id ORDER BY id) AS ids FROM services WHERE slug LIKE 'cap-svc-%') s
    WHERE i.ref LIKE 'CAP-%'`.execute(db)
  await sql`
    INSERT INTO incident_responder_hours (incident_id, person_id, day, hours)
    SELECT i.id, o.id,
      (i.started_at AT TIME ZONE (SELECT timezone FROM organisation_settings LIMIT 1))::date,
      round((1 + random() * 3)::numeric, 2)
    FROM incidents i CROSS JOIN generate_series(1, 2) AS k
    JOIN cap_ops o ON o.n = 1 + (i.id * 7 + k * 13) % (SELECT count(*) FROM cap_ops)
    WHERE i.ref LIKE 'CAP-%'
    ON CONFLICT DO NOTHING`.execute(db)
}

async function describe(db: Kysely<Database>, shape: CapacityShape, buildSeconds: number) {
  const { rows } = await sql<Omit<CapacityInfo, keyof CapacityShape | 'buildSeconds'>>`
    SELECT
      (SELECT count(*) FROM allocations)::int AS allocations,
      (SELECT count(*) FROM allocations WHERE status = 'tentative')::int AS tentative,
      (SELECT count(*) FROM time_off)::int AS time_off,
      (SELECT count(*) FROM closure_days)::int AS closure_days,
      (SELECT count(*) FROM bank_holidays)::int AS bank_holidays,
      (SELECT count(*) FROM team_memberships WHERE last_day IS NOT NULL)::int AS moves,
      (SELECT count(*) FROM incidents WHERE ref LIKE 'CAP-%')::int AS incidents,
      (SELECT count(*) FROM incident_responder_hours)::int AS responder_hours,
      (SELECT count(*) FROM services WHERE tier = 1 AND slug LIKE 'cap-svc-%')::int
        AS tier_one_services
  `.execute(db)
  return { ...shape, ...rows[0]!, buildSeconds }
}
