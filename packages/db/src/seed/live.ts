import { type Kysely, sql, type Transaction } from 'kysely'
import { lockFor, tryLockFor } from '../locks.ts'
import { rebuildRollups } from '../rollups.ts'
import type { Database } from '../schema/index.ts'
import { DEMO_SEED } from './context.ts'
import {
  createMinuteFlags,
  createServiceParams,
  type ParamsInput,
  sampleSelect,
} from './sample-sql.ts'
import { SERVICES } from './services-data.ts'
import { DAY, floorTo, MINUTE } from './time.ts'

export interface DemoCheckOptions {
  /** Simulate up to this instant (default: the current time), whole minutes. */
  now?: Date
  /** Must be the seed the demo was generated with, so each service keeps its latency character. */
  seed?: number
  /**
   * How long to wait for another holder of the demo's lock before leaving the minutes to the next
   * run (default 0). The worker waits a few seconds: the retention job holds the lock for moments
   * as it starts, and skipping would leave the demo a minute behind.
   */
  lockWaitMs?: number
}

const LOCK_POLL_MS = 100

// After a long pause the demo comes back with at most this much history filled in.
const MAX_GAP_MS = 30 * DAY
const utcDay = (at: Date) => at.toISOString().slice(0, 10)

/**
 * Keeps the demo alive: generates the check samples every service would have produced since the
 * newest one, up to `now`, with the seed's generator (open incidents keep their services down or
 * degraded, maintenance windows apply when reached), and rebuilds the rollups of those hours.
 * Does nothing unless organisation_settings.demo_data is set. Safe to call from several workers
 * at once (one advisory lock: a run that finds it taken does nothing; replays insert nothing).
 * Returns the number of samples inserted.
 */
export async function simulateDemoChecks(
  db: Kysely<Database>,
  opts: DemoCheckOptions = {},
): Promise<number> {
  const now = floorTo(opts.now ?? new Date(), MINUTE)
  const seed = (opts.seed ?? DEMO_SEED) >>> 0
  return db.transaction().execute(async (trx) => {
    // A catch-up after days away is one big statement, like the seed's.
    await sql`SET LOCAL statement_timeout = '10min'`.execute(trx)
    await sql`SET LOCAL jit = off`.execute(trx)
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx)
    // Another worker is simulating these minutes, or the daily rollups are being re-labelled
    // into a new zone (minutes, past the pool's query deadline): the next run catches up.
    const deadline = Date.now() + (opts.lockWaitMs ?? 0)
    while (!(await tryLockFor(trx, 'opsdeck:demo-checks'))) {
      if (Date.now() >= deadline) return 0
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS))
    }
    return simulateIn(trx, now, seed)
  })
}

async function simulateIn(trx: Transaction<Database>, now: Date, seed: number): Promise<number> {
  const org = await trx
    .selectFrom('organisationSettings')
    .select(['demoData', 'timezone', 'dailyRollupTimezone'])
    .executeTakeFirst()
  if (!org?.demoData) return 0
  // Before reading check_samples: the retention job drops partitions under this lock, and a
  // DROP waiting for our read while we wait for its lock would be a deadlock. Creating
  // partitions needs it too (two CREATEs of one partition would fail the second).
  await lockFor(trx, 'opsdeck:partitions')
  const services = await demoServices(trx)
  if (services.length === 0) return 0
  const newest = await newestSampleAt(
    trx,
    services.map((s) => s.id),
  )
  if (!newest) return 0
  // The minute after the newest one: a pushed sample may be at any second, the demo's are whole.
  const next = floorTo(newest, MINUTE).getTime() + MINUTE
  const from = new Date(Math.max(next, now.getTime() - MAX_GAP_MS))
  if (from > now) return 0

  await createServiceParams(trx, seed, services)
  await createMinuteFlags(trx, seed, { from, to: now })
  const [firstDay, lastDay] = [utcDay(from), utcDay(now)]
  await sql`SELECT ensure_check_sample_partitions(${firstDay}::date, ${lastDay}::date)`.execute(trx)
  const minutes = sql`SELECT p.service_id, g.ts
    FROM generate_series(${from}::timestamptz, ${now}::timestamptz, interval '1 minute') AS g (ts)
    CROSS JOIN seed_service_params p`
  const result = await sql`
    INSERT INTO check_samples (service_id, checked_at, status, in_maintenance, latency_ms,
      http_status, error)
    ${sampleSelect({ seed, tz: org.timezone }, minutes)}
    ON CONFLICT DO NOTHING
  `.execute(trx)
  // The sample at `now` itself is included, hence the extra minute. Daily rows in the zone the
  // table holds: re-labelling them waits for this lock, then reads the hourly rows written here.
  await rebuildRollups(trx, {
    from,
    to: new Date(now.getTime() + MINUTE),
    timezone: org.dailyRollupTimezone,
  })
  return Number(result.numAffectedRows ?? 0)
}

// The newest sample of the simulated services: one index probe per service and partition, where
// a plain max(checked_at) would read every row (the time index is BRIN). Only theirs: a probed
// service's real samples land at any second, and counting them would start the next simulated
// minute past the current one (so never) and off the whole minute.
async function newestSampleAt(
  trx: Transaction<Database>,
  serviceIds: number[],
): Promise<Date | null> {
  const { rows } = await sql<{ newest: Date | null }>`
    SELECT max(latest.checked_at) AS newest
    FROM unnest(${serviceIds}::bigint[]) AS s (id)
    CROSS JOIN LATERAL (SELECT c.checked_at FROM check_samples c WHERE c.service_id = s.id
      ORDER BY c.checked_at DESC LIMIT 1) AS latest
  `.execute(trx)
  return rows[0]?.newest ?? null
}

// The services whose checks run, with the catalogue's latency for those the seed made (the
// database keeps only the degraded threshold); any other gets a tenth of its threshold. Not
// those the built-in prober checks (their samples are real), nor archived ones.
async function demoServices(trx: Transaction<Database>): Promise<ParamsInput[]> {
  const rows = await trx
    .selectFrom('services')
    .select(['id', 'slug', 'tier', 'degradedLatencyMs'])
    .where('checkEnabled', '=', true)
    .where('checkMode', '=', 'push')
    .where('archivedAt', 'is', null)
    .orderBy('id')
    .execute()
  const catalogue = new Map(SERVICES.map((s) => [s.slug, s.baseMs]))
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    tier: r.tier,
    degradedMs: r.degradedLatencyMs,
    baseMs: catalogue.get(r.slug) ?? Math.max(1, Math.round(r.degradedLatencyMs / 10)),
  }))
}
