import { existsSync } from 'node:fs'
import path from 'node:path'
import { hostname } from 'node:os'
import { serve } from '@hono/node-server'
import {
  ConfigError,
  EmbeddedInUseError,
  isDatabaseEmpty,
  isDatabaseUnavailable,
  migrateToLatest,
  openDatabase,
  openOptions,
  parseEnv,
  readEnv,
  seedDemo,
  waitForDatabase,
  type Database,
  type OpenedDatabase,
} from '@opsdeck/db'
import { ensurePartitions, guardedFetch, startWorker } from '@opsdeck/worker'
import type { Kysely } from 'kysely'
import pino from 'pino'
import { createApp } from './app.ts'
import { ActorCache } from './auth/actor-cache.ts'
import { ensureDemoUsers, ensureFirstAdmin } from './auth/bootstrap.ts'
import { DEFAULT_AUTH_CONFIG } from './auth/config.ts'
import { Env } from './env.ts'
import { Metrics } from './lib/metrics.ts'
import { FiguresCache, WRITES_CHANNEL } from './lib/figures-cache.ts'
import { OutageLog } from './lib/outage.ts'
import { closeGracefully } from './lib/shutdown.ts'
import { pdfRenderer } from './reports/pdf/render-pdf.ts'
import { scheduledReports } from './reports/scheduled-reports.ts'

// The process: the environment is read once here (readEnv, parsed by env.ts) and passed down as
// values. Every failure we can foresee ends in one line, not a trace.
const say = (line: string) => console.log(`opsdeck: ${line}`)
// What stop() undoes: first everything that serves (HTTP, worker) at once, then the database.
const stoppers: (() => Promise<unknown>)[] = []
let closeDatabase: (() => Promise<unknown>) | undefined

async function main() {
  const roleArg = process.argv.find((a) => a.startsWith('--role='))?.slice('--role='.length)
  const env = parseEnv(Env, { ...readEnv(), ...(roleArg ? { OPSDECK_ROLE: roleArg } : {}) })
  // Written asynchronously: lines logged while a write is under way go out together in the next,
  // rather than one system call per request (pino flushes what is left when the process exits).
  const logger = pino({ level: env.LOG_LEVEL }, pino.destination({ dest: 1, sync: false }))
  const webRoot = env.OPSDECK_ROLE === 'worker' ? undefined : env.OPSDECK_WEB_DIST || undefined
  if (webRoot && !existsSync(path.join(webRoot, 'index.html'))) {
    throw new ConfigError(
      `no built dashboard in ${webRoot}: run \`pnpm build\` (or use \`pnpm start\`)`,
    )
  }

  const outage = new OutageLog(logger)
  const replicaLog = logger.child({ component: 'read-replica' })
  const database = await openDatabase({
    ...openOptions(env),
    // The worker writes and reads the primary only: the replica is for the API's dashboard reads.
    replicaUrl: env.OPSDECK_ROLE === 'worker' ? undefined : env.DATABASE_REPLICA_URL,
    replicaMaxLagMs: env.DATABASE_REPLICA_LAG_SECONDS * 1000,
    onReplicaChange: (change) =>
      change.status === 'in-use'
        ? replicaLog.info('read replica in use')
        : replicaLog.warn(
            { reason: change.reason },
            'read replica not used: reads go to the primary',
          ),
    onStatus: outage.onStatus,
    onError: outage.onConnectionError,
    // The embedded server's events (an upgrade, a crash, a restart) are log lines like the rest.
    log: (line) => logger.warn({ component: 'embedded-postgres' }, line),
    // The embedded server died and could not be brought back: exit non-zero, so that a
    // supervisor restarts the whole thing rather than this process answering 503 for ever.
    onFatal: (err) => {
      console.error(`opsdeck: ${err.message}`)
      void stop(1)
    },
  })
  closeDatabase = database.close
  await waitForDatabase(() => database.ping(env.PG_CONNECT_TIMEOUT_MS), {
    timeoutMs: env.OPSDECK_DB_WAIT_SECONDS * 1000,
    log: say,
  }).catch((err: unknown) => {
    const problem = isDatabaseUnavailable(err)
      ? 'cannot reach the database'
      : 'the database refused us'
    throw new ConfigError(`${problem} (${database.description}): ${messageOf(err)}`)
  })
  say(`database: ${database.description}`)
  await setUp(database, env)
  const { db } = database

  // A worker alone serves no pages: it prints through OPSDECK_RENDER_URL, or sends mail without PDFs.
  const ownUrl = env.OPSDECK_ROLE === 'worker' ? null : `http://127.0.0.1:${env.PORT}`
  const pdf = pdfRenderer({
    db,
    chromiumPath: env.OPSDECK_CHROMIUM_PATH,
    baseUrl: env.OPSDECK_RENDER_URL ?? ownUrl,
  })

  // One set for the process, so that role `all` shows the worker's jobs and checks beside the
  // requests. A worker alone serves no HTTP, so it counts nothing (README, Monitoring opsdeck).
  const metrics = env.OPSDECK_METRICS && env.OPSDECK_ROLE !== 'worker' ? new Metrics() : null

  if (env.OPSDECK_ROLE !== 'worker') {
    const caches = env.OPSDECK_CACHE_SECONDS > 0 ? sharedCaches(database, env) : {}
    const app = createApp({
      pdf,
      db,
      metrics,
      replica: database.replica,
      ...caches,
      logger,
      outage,
      ping: database.ping,
      draining: () => stopping,
      webRoot,
      auth: {
        sessionIdleMs: env.OPSDECK_SESSION_IDLE_HOURS * 3_600_000,
        sessionMaxMs: env.OPSDECK_SESSION_MAX_DAYS * 86_400_000,
        trustedProxy: env.OPSDECK_TRUSTED_PROXY,
      },
    })
    const server = serve({
      fetch: app.fetch,
      port: env.PORT,
      hostname: env.HOST,
      // Node's defaults let a client hold a connection for 5 minutes by sending a body a byte at
      // a time; no request here needs more than seconds, so slow clients are cut off sooner.
      serverOptions: { requestTimeout: 30_000, headersTimeout: 15_000 },
    })
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve)
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'EADDRINUSE'
            ? new ConfigError(
                `port ${env.PORT} is already in use: stop the other server or set PORT`,
              )
            : err,
        ),
      )
    })
    stoppers.push(() => closeGracefully(server, env.OPSDECK_SHUTDOWN_GRACE_SECONDS * 1000, say))
    graceMs = env.OPSDECK_SHUTDOWN_GRACE_SECONDS * 1000
    say(`serving http://localhost:${env.PORT} (Ctrl-C to stop)`)
  }
  if (env.OPSDECK_ROLE !== 'api') {
    // A pool of its own, with set-up timeouts: catching up the demo after days away is one long
    // statement, and the worker's queries must not take seats from requests. The third seat is
    // the prober's (its ticks are sequential), so it does not wait behind that catch-up.
    const workerDb = database.connect({
      max: 3,
      statementTimeoutMs: 600_000,
      onError: outage.onConnectionError,
    })
    metrics?.watchPool('worker', workerDb)
    const worker = startWorker({
      db: workerDb,
      logger,
      workerId: env.OPSDECK_WORKER_ID,
      probeConcurrency: env.OPSDECK_PROBE_CONCURRENCY,
      probeAllowLoopback: env.OPSDECK_PROBE_ALLOW_LOOPBACK,
      metrics: metrics ?? undefined,
      scheduledReports: scheduledReports({
        db: workerDb,
        log: logger.child({ role: 'worker', job: 'reports' }),
        workerId: env.OPSDECK_WORKER_ID ?? `${hostname()}:${process.pid}`,
        publicUrl: (env.OPSDECK_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
        mail: env.OPSDECK_SMTP_URL
          ? { transport: env.OPSDECK_SMTP_URL, from: env.OPSDECK_SMTP_FROM }
          : null,
        pdf,
        // A webhook is a URL a manager typed: the prober's rules for where it may connect.
        fetch: guardedFetch({ allowLoopback: env.OPSDECK_PROBE_ALLOW_LOOPBACK }),
        metrics,
      }),
    })
    stoppers.push(async () => {
      await worker.stop()
      await workerDb.destroy()
    })
    say('worker running')
  }
}

// The dashboard's figures and who each session is, shared for a few seconds; a write on any
// instance clears them on all (figures-cache.ts), so the staleness only bounds the worker's writes.
function sharedCaches(database: OpenedDatabase, env: Env) {
  const figures = new FiguresCache({ ttlMs: env.OPSDECK_CACHE_SECONDS * 1000 })
  const actors = new ActorCache(env.OPSDECK_CACHE_SECONDS * 500)
  const listening = database.listen(WRITES_CHANNEL, () => {
    figures.invalidate()
    actors.clear()
  })
  stoppers.push(listening.stop)
  return { figures, actors }
}

// Migrations, partitions, demo data and first accounts, on a pool of their own: loading the demo
// runs statements far longer than a request may.
async function setUp(database: OpenedDatabase, env: Env) {
  const db = database.connect({ max: 2, statementTimeoutMs: 600_000 })
  try {
    const applied = await migrateToLatest(db)
    if (applied.length) say(`applied ${applied.length} migration(s)`)
    await ensurePartitions(db)
    if (env.OPSDECK_DEMO && (await isDatabaseEmpty(db))) {
      say('empty database: loading demo data (once)…')
      const started = Date.now()
      await seedDemo(db)
      say(`demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    }
    if (env.OPSDECK_ROLE !== 'worker') await ensureAccounts(db, env)
  } finally {
    await db.destroy()
  }
}

// The first admin on an empty user table; the demo's manager and viewer while the demo is loaded.
async function ensureAccounts(db: Kysely<Database>, env: Env) {
  const hash = DEFAULT_AUTH_CONFIG.hash
  const email = env.OPSDECK_ADMIN_EMAIL
  const password = await ensureFirstAdmin(db, { email, password: env.OPSDECK_ADMIN_PASSWORD, hash })
  if (password) {
    say(`created admin ${email} with password ${password} (shown once: change it after signing in)`)
  } else if (password === '') {
    say(`created admin ${email} with the password from OPSDECK_ADMIN_PASSWORD`)
  }
  const demo = await ensureDemoUsers(db, hash)
  if (demo.length) say(`created demo sign-ins ${demo.join(', ')} (passwords in the README)`)
}

let stopping = false
let graceMs = 0
let exitCode = 0
async function stop(code: number) {
  // A failure while already stopping (the embedded server dying, say) still ends non-zero.
  exitCode = Math.max(exitCode, code)
  if (stopping) return
  stopping = true
  // Never hang on the way out: whatever is still closing 10 s after the grace period is abandoned.
  setTimeout(() => {
    say('shutdown did not finish in time: exiting')
    process.exit(exitCode || 1)
  }, graceMs + 10_000).unref()
  await Promise.all(stoppers.map((stopper) => stopper().catch(() => {})))
  await closeDatabase?.().catch(() => {})
  process.exit(exitCode)
}

function messageOf(err: unknown): string {
  if (err instanceof AggregateError) return err.errors.map(messageOf).join(', ')
  return err instanceof Error ? err.message : String(err)
}

// This process owns its signals: a library hooking them (embedded-postgres once did) would race
// the ordered shutdown below (HTTP and worker, then the pool and PostgreSQL).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.removeAllListeners(signal)
  process.on(signal, () => {
    // A second signal (Ctrl-C pressed again) means now: skip the grace period.
    if (stopping) {
      say(`${signal} again: exiting at once`)
      process.exit(exitCode || 1)
    }
    say(`${signal}: shutting down`)
    void stop(0)
  })
}

main().catch((err: unknown) => {
  const message =
    err instanceof ConfigError || err instanceof EmbeddedInUseError
      ? err.message
      : `failed to start: ${messageOf(err)}`
  console.error(`opsdeck: ${message}`)
  void stop(1)
})
