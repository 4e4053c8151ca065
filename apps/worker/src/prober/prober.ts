import { type Database, isDatabaseUnavailable, isPoolOverloaded } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import { NO_METRICS, type WorkerMetrics } from '../metrics.ts'
import { every } from '../schedule.ts'
import { runCheck } from './check.ts'
import { type ClaimedCheck, claimDueChecks, type FinishedCheck, recordChecks } from './leases.ts'
import { syncCheckSchedule } from './sync.ts'

export interface ProberOptions {
  db: Kysely<Database>
  logger: Logger
  /** Unique per process: leases name their holder. */
  workerId: string
  /** Checks running at once in this worker. */
  concurrency: number
  /** How often due checks are claimed and results recorded (default 1 s). */
  pollMs?: number
  /** How often the schedule is synced with the catalogue (default 15 s). */
  syncMs?: number
  leaseMarginMs?: number
  /** Loopback targets allowed (OPSDECK_PROBE_ALLOW_LOOPBACK; default false). See target-policy.ts. */
  allowLoopback?: boolean
  /** Counts each check by outcome, with its duration (for /metrics). */
  metrics?: WorkerMetrics
}

// After a failed tick the prober waits, doubling up to a minute, so an outage is a few lines.
const FIRST_BACKOFF_MS = 10_000
const MAX_BACKOFF_MS = 60_000

/**
 * The built-in prober: each tick records the checks that finished (samples and lease releases in
 * one transaction), syncs the schedule now and then, and claims as many due checks as it has room
 * for, which run in the background. `stop` lets the running checks finish (each within its
 * timeout) and records them.
 */
export function startProber(opts: ProberOptions) {
  const { db, workerId, concurrency, pollMs = 1_000, syncMs = 15_000 } = opts
  const policy = { allowLoopback: opts.allowLoopback ?? false }
  const metrics = opts.metrics ?? NO_METRICS
  const log = opts.logger.child({ job: 'prober', workerId })
  const running = new Set<Promise<void>>()
  const finished: FinishedCheck[] = []
  let nextSyncAt = 0
  let failures = 0
  let pausedUntil = 0

  const flush = async () => {
    if (finished.length === 0) return
    const batch = finished.splice(0)
    try {
      const outcome = await recordChecks(db, workerId, batch)
      const lost = batch.length - outcome.released
      if (lost > 0) log.info({ lost }, 'check leases expired before their results were recorded')
    } catch (err) {
      finished.unshift(...batch) // retried next tick; their leases expire meanwhile if it lasts
      throw err
    }
  }

  const launch = (claim: ClaimedCheck) => {
    const started = performance.now()
    const check = runCheck(claim, policy)
      .then((result) => {
        finished.push({ claim, result })
        metrics.checked(result.status, (performance.now() - started) / 1000)
        log.debug({ service: claim.slug, slot: claim.slot, ...result }, 'checked')
      })
      .catch((err: unknown) => log.error({ err, service: claim.slug }, 'check crashed'))
      .finally(() => running.delete(check))
    running.add(check)
  }

  const tick = async () => {
    if (Date.now() < pausedUntil) return
    let doing = 'recording check results'
    try {
      await flush()
      if (Date.now() >= nextSyncAt) {
        doing = 'check schedule sync'
        const synced = await syncCheckSchedule(db)
        if (synced.added + synced.removed > 0) log.info(synced, 'check schedule synced')
        nextSyncAt = Date.now() + syncMs
      }
      doing = 'claiming due checks'
      const room = concurrency - running.size - finished.length
      const claims = await claimDueChecks(db, {
        workerId,
        limit: room,
        leaseMarginMs: opts.leaseMarginMs,
      })
      for (const claim of claims) launch(claim)
      failures = 0
    } catch (err) {
      failures++
      pausedUntil = Date.now() + Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1))
      report(log, `${doing} failed`, err)
    }
  }

  const job = every(pollMs, tick, (err) => report(log, 'prober failed', err))
  return {
    /** Resolves once the running checks have finished and their results are recorded. */
    stop: async () => {
      await job.stop()
      await Promise.all(running)
      await flush().catch((err: unknown) => report(log, 'recording check results failed', err))
    },
  }
}

// As the worker's other jobs: a database outage (or a full pool) in one line, a bug with its stack.
function report(log: Logger, what: string, err: unknown) {
  if (isDatabaseUnavailable(err) || isPoolOverloaded(err))
    log.warn({ error: { message: (err as Error).message } }, what)
  else log.error({ err }, what)
}
