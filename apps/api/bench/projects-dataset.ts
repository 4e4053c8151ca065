import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

export interface ProjectsShape {
  projects: number
  costEntries: number
}

export interface ProjectsInfo extends ProjectsShape {
  budgetLines: number
  baselineMonths: number
  progressRows: number
  suppliers: number
  /** The clock of the projects' measurements: the dataset's "today" is its day. */
  endsAt: Date
  buildSeconds: number
}

// The big project of the EVM, actuals and export measurements: ~5,000 entries over 3 years.
export const BIG_PROJECT = 'BENCH-0001'
const BIG_ENTRIES = 5_000
const SUPPLIERS = 200

/**
 * The projects area at scale (issue 10): `projects` projects started over the last 3 years (a
 * tenth proposed, starting within 6 months), each with 4–6 budget lines, a baseline (a third
 * re-baselined: version 2 reshapes the months), weekly progress, and `costEntries` cost entries
 * over their days to date, ~5,000 of them on BENCH-0001 (3 years long). Suppliers are skewed
 * (a few take most of the spend), ~2% of entries have none and ~3% no reference; ~1% are credits.
 * Each project's budget and its over- or under-spend come from its id, so reruns build the same
 * shape; everything is generated in SQL, one INSERT … SELECT per table, entries in date order as
 * they arrive. Built once: a database holding 'BENCH-' projects is reused as it is.
 */
export async function ensureProjects(
  db: Kysely<Database>,
  shape: ProjectsShape,
  now: Date,
  log: (line: string) => void,
): Promise<ProjectsInfo> {
  await sql`CREATE TABLE IF NOT EXISTS bench_projects (projects int, cost_entries int,
    ends_at timestamptz, build_seconds numeric)`.execute(db)
  const { rows } = await sql<{ endsAt: Date; buildSeconds: number }>`
    SELECT ends_at, build_seconds FROM bench_projects`.execute(db)
  const existing = await db
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('code', 'like', 'BENCH-%')
    .executeTakeFirstOrThrow()
  if (Number(existing.n) > 0) {
    const built = rows[0] ?? { endsAt: now, buildSeconds: 0 }
    log(`reusing the projects dataset built on ${built.endsAt.toISOString()}`)
    return describe(db, built.endsAt, Number(built.buildSeconds))
  }

  const t0 = performance.now()
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx)
    await sql`SELECT setseed(0.42)`.execute(trx)
    await insertProjects(trx, shape.projects, now)
    log(`projects, lines, baselines and progress in ${seconds(t0)} s`)
    const t1 = performance.now()
    await insertCostEntries(trx, shape.costEntries, now)
    log(`cost entries in ${seconds(t1)} s`)
  })
  const buildSeconds = (performance.now() - t0) / 1000
  await sql`DELETE FROM bench_projects`.execute(db)
  await sql`INSERT INTO bench_projects VALUES (${shape.projects}, ${shape.costEntries}, ${now},
    ${buildSeconds})`.execute(db)
  return describe(db, now, buildSeconds)
}

const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1)

// A project's fixed draw in [0, 1) from its id and a salt: the same on every build.
const draw = (salt: number) => sql.raw(`(((p.id * ${salt}) % 1000) / 1000.0)`)

// The dataset's today: `now`'s day in the organisation's zone.
const todayOf = (now: Date) => sql`(${now}::timestamptz AT TIME ZONE
  (SELECT timezone FROM organisation_settings LIMIT 1))::date`

async function insertProjects(db: Kysely<Database>, count: number, now: Date) {
  const today = todayOf(now)
  await sql`INSERT INTO teams (slug, name) VALUES ('bench-pmo', 'Bench PMO')
    ON CONFLICT (slug) DO NOTHING`.execute(db)
  await sql`
    INSERT INTO people (team_id, name, email, role, contracted_hours_per_week)
    SELECT (SELECT id FROM teams WHERE slug = 'bench-pmo'), 'Bench Owner ' || g,
      'bench-owner-' || g || '@bench.invalid', 'Project manager', 37.5
    FROM generate_series(1, 20) AS g
    ON CONFLICT (email) DO NOTHING`.execute(db)

  // Start over the last 3 years, 3 months to ~2.7 years long; a tenth proposed (starting within
  // 6 months); ended ones closed (a fifth cancelled) but a sixth still active, overrunning.
  await sql`
    WITH d AS (
      SELECT g, ${today} AS today, random() AS r1, random() AS r2
      FROM generate_series(1, ${count}) AS g
    ),
    dated AS (
      SELECT g, today,
        CASE WHEN g = 1 THEN today - 1095
          WHEN g % 10 = 0 THEN today + 14 + floor(r1 * 180)::int
          ELSE today - floor(r1 * 1095)::int END AS start_date,
        CASE WHEN g = 1 THEN 1095 + 90 ELSE 90 + floor(r2 * 900)::int END AS days
      FROM d
    )
    INSERT INTO projects (code, name, description, owner_person_id, sponsor, start_date, end_date,
      status, created_at, updated_at)
    SELECT 'BENCH-' || lpad(x.g::text, 4, '0'), 'Bench project ' || x.g,
      'A generated project for the benchmark', o.id, 'Sponsor ' || (1 + x.g % 12),
      x.start_date, x.start_date + x.days,
      CASE WHEN x.g % 10 = 0 THEN 'proposed'
        WHEN x.start_date + x.days < x.today AND x.g % 6 = 0 THEN 'active'
        WHEN x.start_date + x.days < x.today AND x.g % 5 = 0 THEN 'cancelled'
        WHEN x.start_date + x.days < x.today THEN 'closed'
        WHEN x.g % 7 = 0 THEN 'on_hold' ELSE 'active' END,
      x.start_date - 30, x.start_date - 30
    FROM dated x
    LEFT JOIN people o ON o.email = 'bench-owner-' || (1 + x.g % 20) || '@bench.invalid'
    ORDER BY x.g`.execute(db)

  // 4–6 lines, each a different category; BAC £50k–£5m log-uniform by id (BENCH-0001 £4m).
  await sql`
    WITH l AS (
      SELECT p.id, k, CASE WHEN p.code = ${BIG_PROJECT} THEN 400000000
          ELSE round(exp(ln(5000000) + ${draw(7919)} * ln(100)))::bigint END AS bac,
        (ARRAY['labour', 'licences', 'hardware', 'cloud', 'services', 'contingency'])
          [1 + (p.id + k) % 6] AS category,
        0.2 + random() AS w
      FROM projects p CROSS JOIN LATERAL generate_series(1, 4 + (p.id % 3)::int) AS k
      WHERE p.code LIKE 'BENCH-%'
    )
    INSERT INTO project_budget_lines (project_id, name, category, spend_type, amount_pence)
    SELECT id,
      CASE category WHEN 'labour' THEN 'Contractors' WHEN 'licences' THEN 'Software licences'
        WHEN 'hardware' THEN 'Servers and devices' WHEN 'cloud' THEN 'Azure consumption'
        WHEN 'services' THEN 'Professional services' ELSE 'Risk contingency' END,
      category,
      CASE WHEN category IN ('labour', 'hardware', 'contingency') THEN 'capex' ELSE 'opex' END,
      round(bac * w / sum(w) OVER (PARTITION BY id))
    FROM l ORDER BY id, k`.execute(db)

  // Version 1, even months; a third re-baselined halfway (version 2 bell-shaped months).
  await sql`
    INSERT INTO project_baselines (project_id, version, reason, created_at)
    SELECT p.id, v, CASE v WHEN 1 THEN 'Original baseline' ELSE 'Re-plan after a scope change' END,
      CASE v WHEN 1 THEN p.start_date - 30
        ELSE p.start_date + (p.end_date - p.start_date) / 2 END
    FROM projects p CROSS JOIN LATERAL generate_series(1, CASE WHEN p.id % 3 = 0 THEN 2 ELSE 1 END)
      AS v
    WHERE p.code LIKE 'BENCH-%'`.execute(db)
  await sql`
    WITH m AS (
      SELECT v.project_id, v.version, m.month, b.bac,
        CASE v.version WHEN 1 THEN 1
          ELSE 0.3 + sin(pi() * (row_number() OVER w - 0.5) / count(*) OVER w) END AS w
      FROM project_baselines v
      JOIN projects p ON p.id = v.project_id
      JOIN (SELECT project_id, sum(amount_pence) AS bac FROM project_budget_lines
        GROUP BY project_id) b ON b.project_id = p.id
      CROSS JOIN LATERAL generate_series(date_trunc('month', p.start_date),
        date_trunc('month', p.end_date), interval '1 month') AS m (month)
      WHERE p.code LIKE 'BENCH-%'
      WINDOW w AS (PARTITION BY v.project_id, v.version ORDER BY m.month
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
    )
    INSERT INTO project_baseline (project_id, version, month, planned_pence)
    SELECT project_id, version, month::date,
      round(bac * w / sum(w) OVER (PARTITION BY project_id, version))
    FROM m`.execute(db)

  // Weekly from the start to today (or the end): ahead of or behind plan by the project's draw.
  await sql`
    INSERT INTO project_progress (project_id, as_of, percent_complete, note, recorded_at)
    SELECT p.id, w.day::date,
      least(100, round(100 * (w.day::date - p.start_date + 1)::numeric
        / (p.end_date - p.start_date + 1) * (0.75 + 0.4 * ${draw(104729)}), 2)),
      'Weekly update', w.day
    FROM projects p
    CROSS JOIN LATERAL generate_series(p.start_date::timestamp,
      least(p.end_date, ${today})::timestamp, interval '7 days') AS w (day)
    WHERE p.code LIKE 'BENCH-%'`.execute(db)
}

async function insertCostEntries(db: Kysely<Database>, total: number, now: Date) {
  // Each started project's entries in proportion to its days to date (BENCH-0001: 5,000), spread
  // over those days; AC tracks BAC × elapsed share × the project's cost draw (0.8–1.25).
  await sql`
    WITH s AS (
      SELECT p.id, p.code, p.start_date,
        least(p.end_date, ${todayOf(now)}) - p.start_date + 1 AS days,
        p.end_date - p.start_date + 1 AS length,
        (SELECT sum(amount_pence) FROM project_budget_lines l WHERE l.project_id = p.id) AS bac,
        0.8 + 0.45 * ${draw(15485863)} AS cost,
        (SELECT array_agg(l.id ORDER BY l.id) FROM project_budget_lines l
          WHERE l.project_id = p.id) AS lines
      FROM projects p WHERE p.code LIKE 'BENCH-%' AND p.status <> 'proposed'
    ),
    n AS (
      SELECT s.*, CASE WHEN code = ${BIG_PROJECT} THEN ${BIG_ENTRIES}::int
          ELSE greatest(1, round((${total}::int - ${BIG_ENTRIES}::int)::numeric * days
            / sum(days) FILTER (WHERE code <> ${BIG_PROJECT}) OVER ()))::int END AS n
      FROM s WHERE days > 0
    ),
    e AS (
      SELECT n.id, g, n.start_date + floor(random() * n.days)::int AS incurred_on,
        n.lines[1 + floor(random() * cardinality(n.lines))::int] AS line_id,
        greatest(100, round(n.bac * least(1.0, n.days::numeric / n.length) * n.cost / n.n
          * (0.3 + 1.4 * random())))::bigint AS amount,
        random() AS r, random() AS s
      FROM n CROSS JOIN LATERAL generate_series(1, n.n) AS g
    )
    INSERT INTO cost_entries (project_id, budget_line_id, incurred_on, amount_pence, category,
      spend_type, supplier, reference, description, created_at)
    SELECT e.id, e.line_id, e.incurred_on,
      CASE WHEN e.r < 0.01 THEN -greatest(100, e.amount / 10) ELSE e.amount END,
      l.category, l.spend_type,
      CASE WHEN e.s < 0.02 THEN ''
        ELSE 'Supplier ' || lpad((1 + floor(${SUPPLIERS}::int * e.s * e.s))::int::text, 3, '0') END,
      CASE WHEN e.r > 0.97 THEN '' ELSE 'INV-' || e.id || '-' || lpad(e.g::text, 6, '0') END,
      CASE WHEN e.r < 0.01 THEN 'Credit note' ELSE l.name || ' invoice ' || e.g END,
      e.incurred_on + interval '1 day 9 hours'
    FROM e JOIN project_budget_lines l ON l.id = e.line_id
    ORDER BY e.incurred_on, e.id, e.g`.execute(db)
}

async function describe(db: Kysely<Database>, endsAt: Date, buildSeconds: number) {
  const { rows } = await sql<Omit<ProjectsInfo, 'endsAt' | 'buildSeconds'>>`
    SELECT
      (SELECT count(*) FROM projects WHERE code LIKE 'BENCH-%')::int AS projects,
      (SELECT count(*) FROM cost_entries)::int AS cost_entries,
      (SELECT count(*) FROM project_budget_lines)::int AS budget_lines,
      (SELECT count(*) FROM project_baseline)::int AS baseline_months,
      (SELECT count(*) FROM project_progress)::int AS progress_rows,
      (SELECT count(DISTINCT supplier) FROM cost_entries WHERE supplier <> '')::int AS suppliers
  `.execute(db)
  return { ...rows[0]!, endsAt, buildSeconds }
}
