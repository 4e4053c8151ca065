import { type Database, rebuildRollups } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

export interface DatasetShape {
  services: number
  days: number
}

export interface DatasetInfo extends DatasetShape {
  samples: number
  hourlyRows: number
  dailyRows: number
  buildSeconds: number
  /** The dataset's last sample is at `endsAt` minus a minute: "now" for the measurements. */
  endsAt: Date
  diskBytes: number
}

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

/**
 * The scale DESIGN.md plans for: `services` services checked every minute for `days` days, raw
 * samples with their hourly and daily rollups, generated in SQL a day at a time. Latencies are
 * log-normal around a per-service median; about 5% of service-days hold an outage of 10–60
 * minutes, plus scattered single failures, so the KPIs are not all 100%. Built once per data
 * folder and reused while its shape matches (a marker table records it).
 */
export async function ensureDataset(
  db: Kysely<Database>,
  shape: DatasetShape,
  log: (line: string) => void,
): Promise<DatasetInfo> {
  await sql`CREATE TABLE IF NOT EXISTS bench_dataset (services int, days int, ends_at timestamptz,
    build_seconds numeric)`.execute(db)
  const { rows } = await sql<{
    services: number
    days: number
    endsAt: Date
    buildSeconds: number
  }>`SELECT * FROM bench_dataset`.execute(db)
  const built = rows[0]
  if (built && built.services === shape.services && built.days === shape.days) {
    log(`reusing the dataset built on ${built.endsAt.toISOString()}`)
    return describe(db, { ...shape, endsAt: built.endsAt, buildSeconds: built.buildSeconds })
  }
  if (built) throw new Error('the bench database holds another shape: remove its folder first')

  const t0 = performance.now()
  const endsAt = new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS)
  const startsAt = new Date(endsAt.getTime() - shape.days * DAY_MS)
  await createServices(db, shape.services)
  const { timezone } = await db
    .selectFrom('organisationSettings')
    .select('dailyRollupTimezone as timezone')
    .executeTakeFirstOrThrow()
  for (let day = 0; day < shape.days; day++) {
    const from = new Date(startsAt.getTime() + day * DAY_MS)
    const to = new Date(from.getTime() + DAY_MS)
    const t = performance.now()
    await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL work_mem = '256MB'`.execute(trx)
      await insertDay(trx, from, to)
      await rebuildRollups(trx, { from, to, timezone })
    })
    log(`day ${day + 1}/${shape.days} in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  }
  const buildSeconds = (performance.now() - t0) / 1000
  await sql`INSERT INTO bench_dataset VALUES (${shape.services}, ${shape.days}, ${endsAt},
    ${buildSeconds})`.execute(db)
  return describe(db, { ...shape, endsAt, buildSeconds })
}

async function createServices(db: Kysely<Database>, count: number) {
  await sql`
    INSERT INTO teams (slug, name)
    SELECT 'team-' || g, 'Team ' || g FROM generate_series(1, 10) AS g
    ON CONFLICT DO NOTHING`.execute(db)
  // Tiers 1–3 in turn, with the SLO a tier usually gets; a year of raw samples is not kept,
  // so the bench keeps raw data for longer than the dataset spans.
  await sql`
    INSERT INTO services (slug, name, tier, owner_team_id, slo_target, check_mode)
    SELECT 'svc-' || lpad(g::text, 3, '0'), 'Service ' || g, 1 + g % 3,
      (SELECT id FROM teams WHERE slug = 'team-' || (1 + g % 10)),
      (ARRAY[0.999, 0.995, 0.99])[1 + g % 3], 'push'
    FROM generate_series(1, ${count}) AS g`.execute(db)
  await sql`UPDATE organisation_settings SET raw_sample_retention_days = 120`.execute(db)
}

async function insertDay(db: Kysely<Database>, from: Date, to: Date) {
  const day = from.toISOString().slice(0, 10)
  await sql`SELECT ensure_check_sample_partitions(${day}::date,
    (${to}::timestamptz - interval '1 minute')::date)`.execute(db)
  await sql`
    WITH outages AS (
      SELECT id AS service_id,
        ${from}::timestamptz + floor(random() * 1380) * interval '1 minute' AS starts_at,
        (10 + floor(random() * 50)) * interval '1 minute' AS lasts
      FROM services WHERE random() < 0.05
    ),
    minutes AS (
      SELECT s.id, g.t, 20 + (s.id * 37) % 280 AS median_ms, o.service_id IS NOT NULL AS out,
        random() AS r, greatest(random(), 1e-9) AS u1, random() AS u2
      FROM services s
      CROSS JOIN generate_series(${from}::timestamptz, ${to}::timestamptz - interval '1 minute',
        interval '1 minute') AS g (t)
      LEFT JOIN outages o ON o.service_id = s.id AND g.t >= o.starts_at
        AND g.t < o.starts_at + o.lasts
    )
    INSERT INTO check_samples (service_id, checked_at, status, latency_ms, http_status, error)
    SELECT id, t,
      CASE WHEN out OR r < 0.0003 THEN 'down' WHEN r < 0.002 THEN 'degraded' ELSE 'up' END,
      CASE WHEN out OR r < 0.0003 THEN NULL
        WHEN r < 0.002 THEN 2000 + (median_ms * 5)
        ELSE round(median_ms * exp(0.5 * sqrt(-2 * ln(u1)) * cos(2 * pi() * u2)))::int END,
      CASE WHEN out OR r < 0.0003 THEN 503 ELSE 200 END,
      CASE WHEN out OR r < 0.0003 THEN 'HTTP 503' END
    -- In time order, as checks arrive (every service's sample of a minute, then the next
    -- minute): one service's rows spread over the whole table, as they do in production.
    FROM minutes ORDER BY t, id`.execute(db)
}

async function describe(
  db: Kysely<Database>,
  base: DatasetShape & { endsAt: Date; buildSeconds: number },
): Promise<DatasetInfo> {
  const { rows } = await sql<{
    samples: number
    hourlyRows: number
    dailyRows: number
    diskBytes: number
  }>`
    SELECT
      (SELECT count(*) FROM check_samples)::bigint AS samples,
      (SELECT count(*) FROM check_rollup_hourly)::bigint AS hourly_rows,
      (SELECT count(*) FROM check_rollup_daily)::bigint AS daily_rows,
      pg_database_size(current_database()) AS disk_bytes`.execute(db)
  return { ...base, ...rows[0]!, buildSeconds: Number(base.buildSeconds) }
}
