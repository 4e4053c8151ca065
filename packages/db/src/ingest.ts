import { type Kysely, sql } from 'kysely'
import { lockFor } from './locks.ts'
import { rebuildDailyRollups, upsertHourlyFrom } from './rollups.ts'
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

// One INSERT per chunk: a 10,000-sample request is two statements, each well under the deadlines.
const CHUNK = 5_000

/**
 * Stores check samples and brings their hourly and daily rollups up to date, in one transaction
 * (the caller's when given one). Idempotent on (service, instant): a replayed batch inserts
 * nothing and touches no rollup. Late and out-of-order samples land in their own day's partition
 * and buckets.
 */
export async function ingestSamples(
  db: Kysely<Database>,
  samples: readonly IngestSample[],
): Promise<IngestResult> {
  if (samples.length === 0) return { inserted: 0, duplicates: 0 }
  const ingest = async (trx: Kysely<Database>) => {
    // As the demo simulator does: a daily-rollup re-label waits for us and we for it, so the
    // daily rows we write are days of the zone we read below. Holding it for the whole write also
    // keeps two batches from recomputing the same bucket from different snapshots (lost update).
    await lockFor(trx, 'opsdeck:demo-checks')
    await ensurePartitions(trx, samples)
    const touched = new Map<string, { serviceId: number; hour: Date }>()
    let inserted = 0
    for (let i = 0; i < samples.length; i += CHUNK) {
      for (const row of await insertChunk(trx, samples.slice(i, i + CHUNK))) {
        inserted++
        const hour = new Date(Math.floor(row.checkedAt.getTime() / HOUR_MS) * HOUR_MS)
        touched.set(`${row.serviceId}@${hour.getTime()}`, { serviceId: row.serviceId, hour })
      }
    }
    if (touched.size > 0) await updateRollups(trx, [...touched.values()])
    return { inserted, duplicates: samples.length - inserted }
  }
  // Kysely cannot nest transactions: inside the caller's (an import, a test), use it as it is.
  if (db.isTransaction) return ingest(db)
  return db.transaction().execute(ingest)
}

const HOUR_MS = 3_600_000

// One call per distinct UTC day rather than over the span: a single late sample from months ago
// must not create a partition for every day in between. The worker's partition job takes the
// same lock, since two CREATE TABLEs of one partition would fail the second.
async function ensurePartitions(trx: Kysely<Database>, samples: readonly IngestSample[]) {
  const days = [...new Set(samples.map((s) => s.at.toISOString().slice(0, 10)))]
  await lockFor(trx, 'opsdeck:partitions')
  await sql`SELECT ensure_check_sample_partitions(d, d) FROM unnest(${days}::date[]) AS d`.execute(
    trx,
  )
}

// in_maintenance is decided at write time from the service's maintenance windows, as the demo
// simulator does; the rollups count such samples as maintenance, neither up nor down.
async function insertChunk(trx: Kysely<Database>, chunk: readonly IngestSample[]) {
  const { rows } = await sql<{ serviceId: number; checkedAt: Date }>`
    INSERT INTO check_samples (service_id, checked_at, status, in_maintenance, latency_ms,
      http_status, error)
    SELECT s.service_id, s.checked_at, s.status,
      EXISTS (SELECT 1 FROM maintenance_windows m WHERE m.service_id = s.service_id
        AND m.starts_at <= s.checked_at AND s.checked_at < m.ends_at),
      s.latency_ms, s.http_status, s.error
    FROM unnest(${chunk.map((s) => s.serviceId)}::bigint[], ${chunk.map((s) => s.at)}::timestamptz[],
      ${chunk.map((s) => s.status)}::text[], ${chunk.map((s) => s.latencyMs)}::int[],
      ${chunk.map((s) => s.statusCode)}::smallint[], ${chunk.map((s) => s.error)}::text[])
      AS s (service_id, checked_at, status, latency_ms, http_status, error)
    ON CONFLICT (service_id, checked_at) DO NOTHING
    RETURNING service_id, checked_at
  `.execute(trx)
  return rows
}

// Only the (service, hour) buckets that received rows are recomputed from the raw samples; the
// daily rows are then rebuilt for the local days holding those hours, in the zone the daily
// table is labelled in (read under the lock, so a re-label that just committed is seen).
async function updateRollups(trx: Kysely<Database>, touched: { serviceId: number; hour: Date }[]) {
  const ids = touched.map((b) => b.serviceId)
  const hours = touched.map((b) => b.hour)
  const source = sql`(SELECT c.* FROM unnest(${ids}::bigint[], ${hours}::timestamptz[])
      AS t (service_id, bucket_start)
    JOIN check_samples c ON c.service_id = t.service_id AND c.checked_at >= t.bucket_start
      AND c.checked_at < t.bucket_start + interval '1 hour') AS touched`
  const times = hours.map((h) => h.getTime())
  const from = new Date(Math.min(...times))
  const to = new Date(Math.max(...times) + HOUR_MS)
  await upsertHourlyFrom(trx, source, from, to)

  const { dailyRollupTimezone: timezone } = await trx
    .selectFrom('organisationSettings')
    .select('dailyRollupTimezone')
    .executeTakeFirstOrThrow()
  // Runs of consecutive touched hours, so that a late sample from weeks ago does not rebuild
  // every day in between.
  const sorted = [...new Set(times)].sort((a, b) => a - b)
  let start = sorted[0]!
  for (let i = 1; i <= sorted.length; i++) {
    const t = sorted[i]
    if (t !== undefined && t - sorted[i - 1]! <= DAY_MS) continue
    const end = sorted[i - 1]! + HOUR_MS
    await rebuildDailyRollups(trx, { from: new Date(start), to: new Date(end), timezone })
    if (t !== undefined) start = t
  }
}

const DAY_MS = 24 * HOUR_MS
