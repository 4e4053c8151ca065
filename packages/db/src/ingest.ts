import { bucketIndexSql } from '@opsdeck/kpi'
import { type Kysely, sql } from 'kysely'
import { lockFor } from './locks.ts'
import { denseHistogram } from './rollups.ts'
import type { Database } from './schema/index.ts'
import type { SampleStatus } from './schema/services.ts'

/** One check result, from the ingestion API or the prober. */
export interface IngestSample {
  serviceId: number
  at: Date
  status: SampleStatus
  latencyMs: number | null
  statusCode: number | null
  error: string | null
}

export interface IngestResult {
  inserted: number
  /** Samples whose (service, instant) was already stored, or repeated within the batch. */
  duplicates: number
}

// One statement per chunk: a full API request (10,000 samples) is a single statement, well under
// the deadlines.
const CHUNK = 10_000

/**
 * Stores check samples and adds them to their hourly and daily rollups, in one transaction (the
 * caller's when given one). Idempotent on (service, instant): a replayed batch inserts nothing
 * and so adds to no rollup. Late and out-of-order samples land in their own day's partition and
 * buckets.
 */
export async function ingestSamples(
  db: Kysely<Database>,
  samples: readonly IngestSample[],
): Promise<IngestResult> {
  if (samples.length === 0) return { inserted: 0, duplicates: 0 }
  const ingest = async (trx: Kysely<Database>) => {
    // As the demo simulator does: a daily-rollup re-label waits for us and we for it, so the
    // daily rows we add to are days of the zone we read below.
    await lockFor(trx, 'opsdeck:demo-checks')
    await ensurePartitions(trx, samples)
    const { dailyRollupTimezone: timezone } = await trx
      .selectFrom('organisationSettings')
      .select('dailyRollupTimezone')
      .executeTakeFirstOrThrow()
    let inserted = 0
    for (let i = 0; i < samples.length; i += CHUNK) {
      inserted += await insertChunk(trx, samples.slice(i, i + CHUNK), timezone)
    }
    return { inserted, duplicates: samples.length - inserted }
  }
  // Kysely cannot nest transactions: inside the caller's (an import, a test), use it as it is.
  if (db.isTransaction) return ingest(db)
  return db.transaction().execute(ingest)
}

// One call per distinct UTC day rather than over the span: a single late sample from months ago
// must not create a partition for every day in between. The worker's partition jobs take the
// same lock, since two CREATE TABLEs of one partition would fail the second.
async function ensurePartitions(trx: Kysely<Database>, samples: readonly IngestSample[]) {
  const days = [...new Set(samples.map((s) => s.at.toISOString().slice(0, 10)))]
  await lockFor(trx, 'opsdeck:partitions')
  await sql`SELECT ensure_check_sample_partitions(d, d) FROM unnest(${days}::date[]) AS d`.execute(
    trx,
  )
}

/**
 * Inserts the samples and adds exactly the rows it inserted (RETURNING: not those already stored)
 * to the hourly rollups and to the daily ones of `timezone`, in one statement. Rollups hold sums,
 * counts, a max and a histogram, so adding a batch gives what a rebuild from the raw rows would,
 * without reading them: counts add, maxima take the greater, histograms add position by position.
 * in_maintenance is decided at write time from the service's maintenance windows, as the demo
 * simulator does.
 */
async function insertChunk(
  trx: Kysely<Database>,
  chunk: readonly IngestSample[],
  timezone: string,
): Promise<number> {
  const { rows } = await sql<{ inserted: number }>`
    WITH ins AS (
      INSERT INTO check_samples (service_id, checked_at, status, in_maintenance, latency_ms,
        http_status, error)
      SELECT s.service_id, s.checked_at, s.status,
        EXISTS (SELECT 1 FROM maintenance_windows m WHERE m.service_id = s.service_id
          AND m.starts_at <= s.checked_at AND s.checked_at < m.ends_at),
        s.latency_ms, s.http_status, s.error
      FROM unnest(${chunk.map((s) => s.serviceId)}::bigint[],
        ${chunk.map((s) => s.at.toISOString())}::timestamptz[],
        ${chunk.map((s) => s.status)}::text[], ${chunk.map((s) => s.latencyMs)}::int[],
        ${chunk.map((s) => s.statusCode)}::smallint[], ${chunk.map((s) => s.error)}::text[])
        AS s (service_id, checked_at, status, latency_ms, http_status, error)
      ON CONFLICT (service_id, checked_at) DO NOTHING
      RETURNING service_id, checked_at, status, in_maintenance, latency_ms
    ),
    -- As upsertHourlyFrom counts: maintenance first, else the status; latency where there is one.
    hour_cells AS (
      SELECT service_id, date_trunc('hour', checked_at, 'UTC') AS bucket_start,
        CASE WHEN latency_ms IS NOT NULL THEN ${sql.raw(bucketIndexSql)} END AS b,
        count(*) AS samples,
        count(*) FILTER (WHERE NOT in_maintenance AND status = 'up') AS up,
        count(*) FILTER (WHERE NOT in_maintenance AND status = 'degraded') AS degraded,
        count(*) FILTER (WHERE NOT in_maintenance AND status = 'down') AS down,
        count(*) FILTER (WHERE in_maintenance) AS maintenance,
        count(latency_ms) AS latency_count,
        coalesce(sum(latency_ms), 0) AS latency_sum_ms,
        max(latency_ms) AS latency_max_ms
      FROM ins GROUP BY 1, 2, 3
    ),
    -- Local days start on whole UTC hours (rebuildDailyRollups refuses other zones), so each
    -- hour falls in one day.
    day_cells AS (
      SELECT service_id, date_trunc('day', bucket_start, ${timezone}) AS bucket_start, b,
        ${sql.raw(SUMS)}
      FROM hour_cells GROUP BY 1, 2, 3
    ),
    hour_totals AS (SELECT service_id, bucket_start, ${sql.raw(SUMS)} FROM hour_cells GROUP BY 1, 2),
    day_totals AS (SELECT service_id, bucket_start, ${sql.raw(SUMS)} FROM day_cells GROUP BY 1, 2),
    ${denseHistogram('hour_cells', 'b', 'latency_count', 0, 'hour_hist')},
    ${denseHistogram('day_cells', 'b', 'latency_count', 0, 'day_hist')},
    hourly AS (
      INSERT INTO check_rollup_hourly AS r (${sql.raw(COLUMNS)})
      SELECT t.*, coalesce(h.latency_hist, '{}')
      FROM hour_totals t LEFT JOIN hour_hist h USING (service_id, bucket_start)
      ${addTail}
    ),
    daily AS (
      INSERT INTO check_rollup_daily AS r (${sql.raw(COLUMNS)})
      SELECT t.*, coalesce(h.latency_hist, '{}')
      FROM day_totals t LEFT JOIN day_hist h USING (service_id, bucket_start)
      ${addTail}
    )
    SELECT coalesce(sum(samples), 0)::int AS inserted FROM hour_totals
  `.execute(trx)
  return rows[0]?.inserted ?? 0
}

const COLUMNS = `service_id, bucket_start, samples, up, degraded, down, maintenance, latency_count,
  latency_sum_ms, latency_max_ms, latency_hist`

const SUMS = `sum(samples) AS samples, sum(up) AS up, sum(degraded) AS degraded,
  sum(down) AS down, sum(maintenance) AS maintenance, sum(latency_count) AS latency_count,
  sum(latency_sum_ms) AS latency_sum_ms, max(latency_max_ms) AS latency_max_ms`

// Adds a batch's figures to a bucket's row. Histograms are dense arrays with no trailing zeros;
// unnest pads the shorter with nulls, so the sum is as long as the longer, as a rebuild makes it.
const addTail = sql.raw(`
  ON CONFLICT (service_id, bucket_start) DO UPDATE SET
    samples = r.samples + excluded.samples, up = r.up + excluded.up,
    degraded = r.degraded + excluded.degraded, down = r.down + excluded.down,
    maintenance = r.maintenance + excluded.maintenance,
    latency_count = r.latency_count + excluded.latency_count,
    latency_sum_ms = r.latency_sum_ms + excluded.latency_sum_ms,
    latency_max_ms = greatest(r.latency_max_ms, excluded.latency_max_ms),
    latency_hist = (
      SELECT coalesce(array_agg(coalesce(a, 0) + coalesce(b, 0) ORDER BY i), '{}')
      FROM unnest(r.latency_hist, excluded.latency_hist) WITH ORDINALITY AS u (a, b, i))`)
