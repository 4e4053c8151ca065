import { bucketIndexSql } from '@opsdeck/kpi'
import { type Kysely, type RawBuilder, sql } from 'kysely'
import { lockFor } from './locks.ts'
import type { Database } from './schema/index.ts'

export interface RollupRange {
  from: Date
  to: Date
  /** organisation_settings.daily_rollup_timezone: the daily rollups are its calendar days. */
  timezone: string
}

const HOUR_MS = 3_600_000

/**
 * Recomputes the hourly rollups of every UTC hour that overlaps [from, to) from the raw samples,
 * then the daily rollups of every local day that overlaps those hours from the hourly rows.
 * Upserts only: an hour with no raw samples (a dropped partition) keeps its rollup, so a range
 * reaching past raw retention loses nothing. Rebuilding twice changes nothing.
 */
export async function rebuildRollups(db: Kysely<Database>, range: RollupRange): Promise<void> {
  const hours = alignToHours(range.from, range.to)
  const rebuild = async (trx: Kysely<Database>) => {
    await upsertHourlyFrom(trx, sql.table('check_samples'), hours.from, hours.to)
    await rebuildDailyRollups(trx, { ...hours, timezone: range.timezone })
  }
  // Kysely cannot nest transactions: inside one (the seed, an import), use it as it is.
  if (db.isTransaction) return rebuild(db)
  await db.transaction().execute(async (trx) => {
    // Grouping a month of samples needs more than the default 4 MB to stay off disk.
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx)
    await rebuild(trx)
  })
}

export function alignToHours(from: Date, to: Date): { from: Date; to: Date } {
  const start = Math.floor(from.getTime() / HOUR_MS) * HOUR_MS
  const end = Math.ceil(to.getTime() / HOUR_MS) * HOUR_MS
  return { from: new Date(start), to: new Date(Math.max(end, start)) }
}

/**
 * Aggregates raw-shaped rows (check_samples, or a table like it) in [from, to) into hourly
 * rollups. Counts are disjoint: maintenance first, else the sample's status. Latency figures and
 * the histogram cover every sample that has a latency.
 */
export async function upsertHourlyFrom(
  db: Kysely<Database>,
  source: RawBuilder<unknown>,
  from: Date,
  to: Date,
): Promise<void> {
  await sql`
    WITH per_bucket AS (
      SELECT service_id, date_trunc('hour', checked_at, 'UTC') AS bucket_start,
        CASE WHEN latency_ms IS NOT NULL THEN ${sql.raw(bucketIndexSql)} END AS b,
        count(*) AS samples,
        count(*) FILTER (WHERE NOT in_maintenance AND status = 'up') AS up,
        count(*) FILTER (WHERE NOT in_maintenance AND status = 'degraded') AS degraded,
        count(*) FILTER (WHERE NOT in_maintenance AND status = 'down') AS down,
        count(*) FILTER (WHERE in_maintenance) AS maintenance,
        count(latency_ms) AS latency_count,
        sum(latency_ms) AS latency_sum_ms,
        max(latency_ms) AS latency_max_ms
      FROM ${source}
      WHERE checked_at >= ${from} AND checked_at < ${to}
      GROUP BY 1, 2, 3
    ),
    totals AS (
      SELECT service_id, bucket_start, sum(samples) AS samples, sum(up) AS up,
        sum(degraded) AS degraded, sum(down) AS down, sum(maintenance) AS maintenance,
        sum(latency_count) AS latency_count, coalesce(sum(latency_sum_ms), 0) AS latency_sum_ms,
        max(latency_max_ms) AS latency_max_ms
      FROM per_bucket GROUP BY 1, 2
    ),
    ${denseHistogram('per_bucket', 'b', 'latency_count', 0)}
    INSERT INTO check_rollup_hourly (service_id, bucket_start, samples, up, degraded, down,
      maintenance, latency_count, latency_sum_ms, latency_max_ms, latency_hist)
    SELECT t.*, coalesce(h.latency_hist, '{}')
    FROM totals t LEFT JOIN hist h USING (service_id, bucket_start)
    ${upsertTail}
  `.execute(db)
}

/**
 * Relabels the daily rollups as calendar days of `timezone`, for a change of the organisation's
 * zone: deletes those the hourly rows cover, rebuilds them from the hourly rows in
 * statements of ~10k hourly rows, and sets daily_rollup_timezone, all in the caller's transaction:
 * readers, who split ranges by that column, see the old days and the old zone until it commits.
 */
export async function rebuildAllDailyRollups(
  db: Kysely<Database>,
  timezone: string,
): Promise<{ rows: number }> {
  if (!db.isTransaction) throw new Error('rebuildAllDailyRollups needs the caller’s transaction')
  // The demo simulator writes daily rollups in the zone it read as it began: wait for a run in
  // progress. Runs starting meanwhile find the lock taken and skip; the next reads the new zone.
  await lockFor(db, 'opsdeck:demo-checks')
  // As in the seed: the planner overestimates the histogram unnest a thousandfold, and JIT
  // compiling each week's statement would cost more than running it.
  await sql`SET LOCAL jit = off`.execute(db)
  await sql`SET LOCAL work_mem = '256MB'`.execute(db)
  // Days that end by the first hourly row (those are kept 400 days, the dailies for ever)
  // cannot be rebuilt: they are kept, as days of the zone they were built in, rather than lost.
  await sql`DELETE FROM check_rollup_daily d
    USING (SELECT daily_rollup_timezone AS tz FROM organisation_settings) AS o
    WHERE ((d.bucket_start AT TIME ZONE o.tz) + interval '1 day') AT TIME ZONE o.tz
      > (SELECT min(bucket_start) FROM check_rollup_hourly)`.execute(db)
  // Statements of about HOURLY_ROWS_PER_STATEMENT hourly rows each, ending on local midnights so
  // that no day is built twice: each stays far below the statement deadlines, including the
  // pool's client-side one, which SET LOCAL cannot raise.
  const { rows } = await sql<{ at: Date }>`
    WITH span AS (SELECT min(bucket_start) AS first, max(bucket_start) AS last,
        make_interval(days => greatest(1, least(${MAX_CHUNK_DAYS},
          ${HOURLY_ROWS_PER_STATEMENT} / (24 * greatest(1, (SELECT count(*) FROM services))))
        )::int) AS step
      FROM check_rollup_hourly)
    SELECT g AT TIME ZONE ${timezone} AS at
    FROM span, generate_series(date_trunc('day', first, ${timezone}) AT TIME ZONE ${timezone},
      (last AT TIME ZONE ${timezone}) + step, step) AS g
  `.execute(db)
  for (let i = 1; i < rows.length; i++) {
    await rebuildDailyRollups(db, { from: rows[i - 1]!.at, to: rows[i]!.at, timezone })
  }
  await db.updateTable('organisationSettings').set({ dailyRollupTimezone: timezone }).execute()
  const count = sql<{ n: number }>`SELECT count(*)::int AS n FROM check_rollup_daily`
  return { rows: (await count.execute(db)).rows[0]?.n ?? 0 }
}

// About 0.3 s a statement on 2 cores: 10 days of the 41 demo services, a day of 500.
const HOURLY_ROWS_PER_STATEMENT = 10_000
const MAX_CHUNK_DAYS = 14

/** Rebuilds the daily rollups of the local days overlapping [from, to) from the hourly rows. */
export async function rebuildDailyRollups(db: Kysely<Database>, range: RollupRange): Promise<void> {
  const { timezone: tz } = range
  const { rows } = await sql<{ dayFrom: Date; dayTo: Date; misaligned: number }>`
    WITH bounds AS (
      SELECT date_trunc('day', ${range.from}::timestamptz, ${tz}) AS day_from,
        ((date_trunc('day', ${range.to}::timestamptz - interval '1 microsecond', ${tz})
          AT TIME ZONE ${tz}) + interval '1 day') AT TIME ZONE ${tz} AS day_to
    )
    SELECT day_from, day_to,
      (SELECT count(*)::int FROM generate_series(day_from AT TIME ZONE ${tz},
        day_to AT TIME ZONE ${tz}, interval '1 day') AS g (local_midnight)
        WHERE extract(minute FROM (local_midnight AT TIME ZONE ${tz}) AT TIME ZONE 'UTC') <> 0
      ) AS misaligned
    FROM bounds
  `.execute(db)
  const bounds = rows[0]
  if (!bounds || bounds.dayTo <= bounds.dayFrom) return
  // A day built from whole UTC hours is exact only where the local midnight is on the hour.
  if (bounds.misaligned > 0) {
    throw new Error(`daily rollups need whole-hour UTC offsets; ${tz} has a day starting mid-hour`)
  }
  await sql`
    WITH src AS (
      SELECT *, date_trunc('day', bucket_start, ${tz}) AS day
      FROM check_rollup_hourly
      WHERE bucket_start >= ${bounds.dayFrom} AND bucket_start < ${bounds.dayTo}
    ),
    totals AS (
      SELECT service_id, day AS bucket_start, sum(samples) AS samples, sum(up) AS up,
        sum(degraded) AS degraded, sum(down) AS down, sum(maintenance) AS maintenance,
        sum(latency_count) AS latency_count, sum(latency_sum_ms) AS latency_sum_ms,
        max(latency_max_ms) AS latency_max_ms
      FROM src GROUP BY 1, 2
    ),
    cells AS (
      SELECT service_id, bucket_start, pos, sum(n) AS n
      FROM (
        SELECT service_id, day AS bucket_start, unnest(latency_hist) AS n,
          generate_subscripts(latency_hist, 1) AS pos
        FROM src
      ) AS u
      WHERE n > 0
      GROUP BY 1, 2, 3
    ),
    ${denseHistogram('cells', 'pos', 'n', 1)}
    INSERT INTO check_rollup_daily (service_id, bucket_start, samples, up, degraded, down,
      maintenance, latency_count, latency_sum_ms, latency_max_ms, latency_hist)
    SELECT t.*, coalesce(h.latency_hist, '{}')
    FROM totals t LEFT JOIN hist h USING (service_id, bucket_start)
    ${upsertTail}
  `.execute(db)
}

// A CTE named `name`: one dense int[] per (service_id, bucket_start) from sparse non-empty
// (position, count) cells, written as array text with the gaps zero-filled: far cheaper than
// joining every position of every histogram.
export function denseHistogram(
  cells: string,
  pos: string,
  count: string,
  first: 0 | 1,
  name = 'hist',
) {
  return sql.raw(`${name} AS (
      SELECT service_id, bucket_start,
        ('{' || string_agg(repeat('0,', (${pos} - prev - 1)::int) || ${count}::text, ','
          ORDER BY ${pos}) || '}')::int[] AS latency_hist
      FROM (
        SELECT service_id, bucket_start, ${pos}, ${count},
          lag(${pos}, 1, ${first - 1}) OVER (PARTITION BY service_id, bucket_start ORDER BY ${pos}) AS prev
        FROM ${cells} WHERE ${pos} IS NOT NULL AND ${count} > 0
      ) AS c
      GROUP BY 1, 2
    )`)
}

const upsertTail = sql.raw(`
  ON CONFLICT (service_id, bucket_start) DO UPDATE SET
    samples = excluded.samples, up = excluded.up, degraded = excluded.degraded,
    down = excluded.down, maintenance = excluded.maintenance,
    latency_count = excluded.latency_count, latency_sum_ms = excluded.latency_sum_ms,
    latency_max_ms = excluded.latency_max_ms, latency_hist = excluded.latency_hist`)
