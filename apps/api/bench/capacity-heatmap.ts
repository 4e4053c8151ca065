import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { type Database, migrateToLatest, openDatabase } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import pino from 'pino'
import { createApp } from '../src/app.ts'
import { insertToken } from '../src/tokens/queries.ts'

// `node apps/api/bench/capacity-heatmap.ts`: the capacity heatmap's answers, their size and time, over
// BENCH_PEOPLE people (default 400) in BENCH_TEAMS teams (20) with 8 allocations each, leave,
// and two commanded incidents a person, in a database of its own (built once into
// BENCH_DATA_DIR, default .data/bench-capacity; BENCH_DATABASE_URL an empty database of yours).
// Each path given in BENCH_PATHS (comma-separated, default below) is timed in-process.
const shape = {
  people: Number(process.env.BENCH_PEOPLE ?? 400),
  teams: Number(process.env.BENCH_TEAMS ?? 20),
}
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
// Wednesday 2 December 2026: the default weeks run from 7 September 2026 to 21 February 2027.
const now = new Date('2026-12-02T12:00:00Z')
const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? '.data/bench-capacity')
await mkdir(dataDir, { recursive: true })

const database = await openDatabase({
  databaseUrl: process.env.BENCH_DATABASE_URL,
  embeddedDir: path.join(dataDir, 'postgres'),
  embeddedPort: Number(process.env.BENCH_PG_PORT ?? 54_460),
  log: (line: string) => console.log(line),
})
const setup = database.connect({ statementTimeoutMs: 600_000, max: 2 })
try {
  await migrateToLatest(setup)
  await ensureCapacity(setup, shape)
  const { db } = database
  const app = createApp({ db, logger: pino({ level: 'silent' }), clock: () => now })
  const { token } = await insertToken(db, {
    name: 'bench',
    scopes: ['read'],
    createdByUserId: null,
    now,
  })
  const headers = { authorization: `Bearer ${token}` }
  const person = await sql<{ id: number }>`SELECT min(id) AS id FROM people`.execute(db)
  const paths = (
    process.env.BENCH_PATHS ??
    [
      '/capacity',
      '/capacity?people=true',
      '/capacity?team=bench-01&people=true',
      `/capacity/people/${person.rows[0]?.id}/weeks/2026-12-21?team=bench-01`,
    ].join(',')
  ).split(',')
  console.log('| GET /api/v1… | status | bytes | median ms | min ms |')
  console.log('|---|---:|---:|---:|---:|')
  for (const p of paths) {
    const call = async () => {
      const res = await app.request(`/api/v1${p}`, { headers })
      return { status: res.status, bytes: (await res.arrayBuffer()).byteLength }
    }
    await call()
    const times: number[] = []
    let last = { status: 0, bytes: 0 }
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now()
      last = await call()
      times.push(performance.now() - t0)
    }
    times.sort((a, b) => a - b)
    const median = times[Math.floor(times.length / 2)] ?? 0
    console.log(
      `| ${p} | ${last.status} | ${last.bytes.toLocaleString('en-GB')} | ${median.toFixed(0)} | ${(times[0] ?? 0).toFixed(0)} |`,
    )
  }
  console.log(`\nnode ${process.version}; ${shape.people} people in ${shape.teams} teams.`)
} finally {
  await setup.destroy()
  await database.close()
}

/** The people, their bookings, leave and incidents: made once (the teams say it is done). */
async function ensureCapacity(db: Kysely<Database>, s: typeof shape) {
  const made = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM teams WHERE slug LIKE 'bench-%'`.execute(db)
  if ((made.rows[0]?.n ?? 0) > 0) return
  const t0 = performance.now()
  await sql`
    INSERT INTO teams (slug, name)
    SELECT 'bench-' || lpad(g::text, 2, '0'), 'Bench team ' || g FROM generate_series(1, ${s.teams}) g
  `.execute(db)
  await sql`
    INSERT INTO projects (code, name, start_date, end_date)
    SELECT 'BEN-' || g, 'Bench project ' || g, '2026-01-01', '2027-12-31'
    FROM generate_series(1, 40) g
  `.execute(db)
  // One in ten part-time (Mon–Wed, 22.5 h), one in twenty Scottish.
  await sql`
    INSERT INTO people (team_id, name, email, role, contracted_hours_per_week, working_days,
      bank_holiday_region)
    SELECT (SELECT id FROM teams WHERE slug = 'bench-' || lpad((1 + g % ${s.teams})::text, 2, '0')),
      'Bench Person ' || lpad(g::text, 4, '0'), 'bench-' || g || '@bench.invalid',
      (ARRAY['Engineer', 'SRE', 'Analyst', 'Architect'])[1 + g % 4],
      CASE WHEN g % 10 = 0 THEN 22.5 ELSE 37.5 END,
      CASE WHEN g % 10 = 0 THEN '{1,2,3}'::int[] ELSE '{1,2,3,4,5}'::int[] END,
      CASE WHEN g % 20 = 0 THEN 'GB-SCT' END
    FROM generate_series(1, ${s.people}) g
  `.execute(db)
  // 8 allocations each, staggered over the default weeks: projects, run and support, some
  // tentative, by hours or percent.
  await sql`
    INSERT INTO allocations (person_id, kind, project_id, first_day, last_day, hours_per_week,
      percent, status)
    SELECT p.id, k.kind,
      CASE WHEN k.kind = 'project' THEN (SELECT id FROM projects WHERE code = 'BEN-' || (1 + (p.id + a) % 40)) END,
      date '2026-09-07' + (a * 17 + p.id % 11)::int,
      date '2026-09-07' + (a * 17 + p.id % 11 + 40 + (p.id + a) % 30)::int,
      CASE WHEN a % 2 = 0 THEN 4 + (p.id + a) % 8 END,
      CASE WHEN a % 2 = 1 THEN 10 + (p.id + a) % 20 END,
      CASE WHEN a % 4 = 3 THEN 'tentative' ELSE 'confirmed' END
    FROM people p CROSS JOIN generate_series(0, 7) a
    CROSS JOIN LATERAL (SELECT (ARRAY['project', 'project', 'run', 'support'])[1 + a % 4] AS kind) k
    WHERE p.email LIKE 'bench-%'
  `.execute(db)
  // A week of leave each, a half day for some, and the organisation closed between the holidays.
  await sql`
    INSERT INTO time_off (person_id, first_day, last_day, half_day)
    SELECT id, d, d + 4, false FROM (
      SELECT id, date '2026-09-07' + (id % 160)::int AS d FROM people
      WHERE email LIKE 'bench-%') x
    UNION ALL
    SELECT id, date '2026-12-16', date '2026-12-16', true FROM people
    WHERE email LIKE 'bench-%' AND id % 3 = 0
  `.execute(db)
  await sql`INSERT INTO closure_days (day, name) VALUES ('2026-12-29', 'Between the holidays')
    ON CONFLICT DO NOTHING`.execute(db)
  // Two resolved incidents commanded by each person (800 for 400), 2–6 hours long.
  await sql`
    INSERT INTO incidents (ref, title, severity, status, started_at, acknowledged_at, resolved_at,
      commander_person_id)
    SELECT 'BENCH-' || p.id || '-' || i, 'Bench incident', 'SEV3', 'resolved', t, t,
      t + (2 + (p.id + i) % 5) * interval '1 hour', p.id
    FROM people p CROSS JOIN generate_series(1, 2) i
    CROSS JOIN LATERAL (SELECT timestamptz '2026-09-08 09:00Z'
      + ((p.id * 7 + i * 53) % 150) * interval '1 day' AS t) x
    WHERE p.email LIKE 'bench-%'
  `.execute(db)
  await sql`VACUUM ANALYZE`.execute(db)
  console.log(`capacity dataset built in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}
