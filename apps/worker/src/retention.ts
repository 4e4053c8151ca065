import { type Database, lockFor } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'

/** Hourly rollups are kept this long; daily rollups for ever. */
export const HOURLY_ROLLUP_RETENTION_DAYS = 400

// Hourly rows deleted per statement: a first run after a long pause stays far below the deadlines.
const DELETE_BATCH = 20_000
const DAY_MS = 86_400_000

export interface RetentionOutcome {
  /** The raw-sample partitions this run dropped (not one another worker dropped first), oldest first. */
  dropped: string[]
  /** Partitions old enough that were left for the next run (a long read held the table). */
  postponed: string[]
  hourlyDeleted: number
  /** False when the hourly rollups were busy (a daily re-label): the next run deletes them. */
  hourlyDone: boolean
}

/**
 * Drops each raw check-sample partition whose whole UTC day is older than
 * organisation_settings.raw_sample_retention_days (never per-row deletes), and deletes the hourly
 * rollups older than 400 days. The rollups keep every figure of the dropped days.
 */
export async function applyRetention(
  db: Kysely<Database>,
  now = new Date(),
): Promise<RetentionOutcome> {
  const { rawSampleRetentionDays: days, dailyRollupTimezone: timezone } = await db
    .selectFrom('organisationSettings')
    .select(['rawSampleRetentionDays', 'dailyRollupTimezone'])
    .executeTakeFirstOrThrow()
  const dropped: string[] = []
  const postponed: string[] = []
  for (const name of await expiredPartitions(db, new Date(now.getTime() - days * DAY_MS))) {
    const done = await dropPartition(db, name)
    if (done === 'dropped') dropped.push(name)
    else if (done === 'postponed') postponed.push(name)
  }
  const hourly = await deleteOldHourlyRollups(db, now, timezone)
  return { dropped, postponed, hourlyDeleted: hourly.deleted, hourlyDone: hourly.done }
}

// The partitions ensure_check_sample_partitions made (check_samples_YYYYMMDD, one UTC day each)
// that end at or before `cutoff`.
async function expiredPartitions(db: Kysely<Database>, cutoff: Date): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'check_samples'::regclass AND c.relname ~ '^check_samples_[0-9]{8}$'
      AND (to_date(right(c.relname, 8), 'YYYYMMDD') + 1)::timestamp AT TIME ZONE 'UTC'
        <= ${cutoff}::timestamptz
    ORDER BY c.relname
  `.execute(db)
  return rows.map((r) => r.name)
}

// Under the partitions lock, as ingestion creates them: a partition is never dropped between
// an ingest making sure it exists and writing to it. DROP needs the parent table to itself, so
// a long read of check_samples would make it wait with every query queued behind it; after a
// few seconds it gives up and the next run tries again. Another worker may have listed the same
// partition and dropped it while we waited for the lock: 'gone', not ours to report.
async function dropPartition(
  db: Kysely<Database>,
  name: string,
): Promise<'dropped' | 'gone' | 'postponed'> {
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`SET LOCAL lock_timeout = '5s'`.execute(trx)
      await lockFor(trx, 'opsdeck:partitions')
      const { rows } = await sql<{ present: boolean }>`
        SELECT to_regclass(${name}) IS NOT NULL AS present`.execute(trx)
      if (!rows[0]?.present) return 'gone'
      await sql`DROP TABLE ${sql.table(name)}`.execute(trx)
      return 'dropped'
    })
  } catch (err) {
    if (isLockTimeout(err)) return 'postponed'
    throw err
  }
}

// From local midnight, in the zone the daily rollups are days of: a late sample's day is rebuilt
// from whole days of hourly rows only while they are all there. Waits for a daily re-label in
// progress (it reads every hourly row) for a few seconds, else leaves the rows to the next run.
async function deleteOldHourlyRollups(db: Kysely<Database>, now: Date, timezone: string) {
  const oldest = new Date(now.getTime() - HOURLY_ROLLUP_RETENTION_DAYS * DAY_MS)
  let deleted = 0
  for (;;) {
    let n: number
    try {
      n = await db.transaction().execute(async (trx) => {
        await sql`SET LOCAL lock_timeout = '5s'`.execute(trx)
        await lockFor(trx, 'opsdeck:demo-checks')
        const { rows } = await sql<{ n: number }>`
          WITH gone AS (
            DELETE FROM check_rollup_hourly WHERE ctid = ANY (ARRAY(
              SELECT ctid FROM check_rollup_hourly
              WHERE bucket_start < date_trunc('day', ${oldest}::timestamptz, ${timezone})
              LIMIT ${DELETE_BATCH}))
            RETURNING 1
          )
          SELECT count(*)::int AS n FROM gone
        `.execute(trx)
        return rows[0]?.n ?? 0
      })
    } catch (err) {
      if (isLockTimeout(err)) return { deleted, done: false }
      throw err
    }
    deleted += n
    if (n < DELETE_BATCH) return { deleted, done: true }
  }
}

// SQLSTATE 55P03: lock_timeout expired.
const isLockTimeout = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '55P03'
