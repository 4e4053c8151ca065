import { type Database, isDatabaseUnavailable, lockFor, simulateDemoChecks } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { Logger } from 'pino'
import { extendMaintenanceSchedules } from './maintenance-schedules.ts'
import { NO_METRICS, type WorkerMetrics } from './metrics.ts'
import { startProber } from './prober/prober.ts'
import { relabelDailyRollups } from './relabel-daily-rollups.ts'
import { applyRetention } from './retention.ts'
import { evaluateSloAlerts } from './slo-alerts.ts'
import { every } from './schedule.ts'

export interface WorkerDeps {
  db: Kysely<Database>
  logger: Logger
  /** Names this process's check leases (default: host, pid and a random part). */
  workerId?: string
  /** Probe checks running at once in this process (default 20). */
  probeConcurrency?: number
  /** The prober may check loopback addresses (default false: it refuses them). */
  probeAllowLoopback?: boolean
  /**
   * One pass of the scheduled reports (the API's reports area passes its runner, so the worker
   * imports nothing from the API); run every 30 s when given. Resolves to what it did, for the log.
   */
  scheduledReports?: () => Promise<unknown>
  /** Counts job runs and failures and the prober's checks (the API's /metrics passes its own). */
  metrics?: WorkerMetrics
}

const PARTITION_DAYS_AHEAD = 7
const MINUTE_MS = 60_000
const HOUR_MS = 3_600_000
const RELABEL_CHECK_MS = 15_000
const SCHEDULED_REPORTS_MS = 30_000
const PROBE_CONCURRENCY = 20
// The retention job takes the demo's lock for moments as it starts: wait rather than skip a minute.
const DEMO_LOCK_WAIT_MS = 5_000

/**
 * Background work: keep the check-sample partitions a week ahead of time, and drop them once past
 * the raw-sample retention; after a change of the organisation's time zone, re-label the daily
 * rollups as days of the new zone; and, when the data is the demo, simulate its checks every
 * minute so that it stays current; and, when given, send the scheduled reports. Several workers
 * may run at once; they coordinate only through PostgreSQL (advisory locks, row leases).
 */
export function startWorker({
  db,
  logger,
  workerId,
  probeConcurrency,
  probeAllowLoopback,
  scheduledReports,
  metrics = NO_METRICS,
}: WorkerDeps) {
  const log = logger.child({ role: 'worker' })
  // A job's task, counted by name as it ends or fails (the failure still goes to `failed`).
  const counted = (job: string, task: () => Promise<void>) => async () => {
    try {
      await task()
    } catch (err) {
      metrics.jobRan(job, true)
      throw err
    }
    metrics.jobRan(job, false)
  }
  // The built-in prober checks the services in 'probe' mode, sharing them with other workers
  // through leases in check_schedule.
  const prober = startProber({
    db,
    logger: log,
    workerId: workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    concurrency: probeConcurrency ?? PROBE_CONCURRENCY,
    allowLoopback: probeAllowLoopback ?? false,
    metrics,
  })
  const jobs = [
    every(
      HOUR_MS,
      counted('partitions', async () => {
        const created = await ensurePartitions(db)
        if (created > 0) log.info({ created }, 'created check-sample partitions')
      }),
      failed(log, 'partition maintenance failed'),
    ),
    // Raw samples past organisation_settings.raw_sample_retention_days go a whole partition
    // (a UTC day) at a time; hourly rollups after 400 days; daily rollups stay.
    every(
      HOUR_MS,
      counted('retention', async () => {
        const outcome = await applyRetention(db)
        const changed = outcome.dropped.length + outcome.hourlyDeleted > 0
        if (changed || outcome.postponed.length > 0 || !outcome.hourlyDone) {
          log.info(outcome, 'applied raw-sample and rollup retention')
        } else log.debug(outcome, 'nothing past retention')
      }),
      failed(log, 'retention failed'),
    ),
    // Weekly maintenance schedules written eight weeks ahead, so samples find their windows.
    every(
      HOUR_MS,
      counted('maintenance_schedules', async () => {
        const { schedules, inserted } = await extendMaintenanceSchedules(db)
        if (inserted > 0) log.info({ schedules, inserted }, 'wrote maintenance occurrences')
        else log.debug({ schedules, inserted }, 'no maintenance occurrences to write')
      }),
      failed(log, 'maintenance schedule expansion failed'),
    ),
    // One read a tick until an admin changes the zone; the figures stay exact until it runs.
    every(
      RELABEL_CHECK_MS,
      counted('relabel_daily_rollups', async () => {
        const outcome = await relabelDailyRollups(db)
        if (outcome.status === 'relabelled') log.info(outcome, 'daily rollups re-labelled')
        else if (outcome.status === 'superseded')
          log.info(outcome, 'daily rollup re-label superseded')
        else log.debug(outcome, 'no daily rollups to re-label')
      }),
      failed(log, 'daily rollup re-label failed'),
    ),
    // Burn-rate alerts: the shortest window is 5 minutes, so a minute's delay is the most added.
    every(
      MINUTE_MS,
      counted('slo_alerts', async () => {
        const outcome = await evaluateSloAlerts(db)
        if (outcome.status === 'evaluated' && outcome.opened + outcome.ended > 0)
          log.info(outcome, 'burn-rate alerts changed')
        else log.debug(outcome, 'burn-rate alerts evaluated')
      }),
      failed(log, 'burn-rate alert evaluation failed'),
    ),
    // A no-op unless organisation_settings.demo_data is set, so real deployments run it too.
    every(
      MINUTE_MS,
      counted('demo_checks', async () => {
        const samples = await simulateDemoChecks(db, { lockWaitMs: DEMO_LOCK_WAIT_MS })
        if (samples > 0) log.info({ samples }, 'simulated demo checks')
        else log.debug({ samples }, 'no demo checks to simulate')
      }),
      failed(log, 'demo check simulation failed'),
    ),
    // Reports due on the first working day at 08:00 go out within 30 s; retries wait longer.
    ...(scheduledReports
      ? [
          every(
            SCHEDULED_REPORTS_MS,
            counted('scheduled_reports', async () => {
              const outcome = await scheduledReports()
              log.debug({ outcome }, 'scheduled reports pass')
            }),
            failed(log, 'scheduled reports failed'),
          ),
        ]
      : []),
  ]
  return {
    /** Resolves once no job is running, so the caller may close the pool. */
    stop: async () => {
      await Promise.all([...jobs.map((job) => job.stop()), prober.stop()])
    },
  }
}

// A job that met a database outage says so in one line (the API logs the outage itself); any
// other failure is a bug worth its stack.
function failed(log: Logger, what: string) {
  return (err: unknown) => {
    if (isDatabaseUnavailable(err)) log.warn({ error: { message: (err as Error).message } }, what)
    else log.error({ err }, what)
  }
}

export async function ensurePartitions(db: Kysely<Database>, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockFor(trx, 'opsdeck:partitions')
    const { rows } = await sql<{ created: number }>`
      SELECT ensure_check_sample_partitions(
        (${now}::timestamptz AT TIME ZONE 'UTC')::date,
        (${now}::timestamptz AT TIME ZONE 'UTC')::date + ${PARTITION_DAYS_AHEAD}::int) AS created
    `.execute(trx)
    return rows[0]?.created ?? 0
  })
}

export { guardedFetch } from './prober/guarded-fetch.ts'
export { refusal } from './prober/target-policy.ts'
export { NO_METRICS, type WorkerMetrics } from './metrics.ts'
