import { type Database, type PoolStats, poolOf, type QueryErrorKind } from '@opsdeck/db'
import type { WorkerMetrics } from '@opsdeck/worker'
import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { Kysely } from 'kysely'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

/** The route label of a request no route matched: one series, whatever path a scanner tries. */
export const UNMATCHED = 'unmatched'

const QUERY_ERROR_KINDS: Record<QueryErrorKind, string> = {
  unavailable: 'unavailable',
  statementTimeout: 'statement_timeout',
  overloaded: 'overloaded',
  other: 'other',
}

type Outcome = 'sent' | 'failed'
interface Series {
  count: { inc: () => void }
  duration: { observe: (seconds: number) => void }
}

/**
 * This process's Prometheus metrics, on a registry of its own (tests make several apps). One
 * object per process: the API counts requests and ingest, and the worker, given it as its
 * WorkerMetrics, counts probe checks, job runs and report deliveries into the same registry, so
 * that role `all` shows everything at /metrics. Pools are read when scraped, never per query.
 */
export class Metrics implements WorkerMetrics {
  readonly registry = new Registry()
  private readonly pools = new Map<string, () => PoolStats>()
  private defaultsStarted = false
  private readonly requests = new Counter({
    name: 'opsdeck_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  })
  private readonly durations = new Histogram({
    name: 'opsdeck_http_request_duration_seconds',
    help: 'Time to the response (its headers; a streamed body may take longer), by route pattern',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  })
  private readonly ingest = new Counter({
    name: 'opsdeck_ingest_samples_total',
    help: 'Check samples sent to POST /api/v1/checks: stored, already stored, or refused',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  })
  private readonly probes = new Counter({
    name: 'opsdeck_probe_checks_total',
    help: 'Checks the built-in prober ran, by what it found',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  })
  private readonly probeSeconds = new Histogram({
    name: 'opsdeck_probe_duration_seconds',
    help: 'How long each probe check took, timeouts included',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  })
  private readonly jobRuns = new Counter({
    name: 'opsdeck_job_runs_total',
    help: 'Runs of the worker jobs, failed ones included',
    labelNames: ['job'] as const,
    registers: [this.registry],
  })
  private readonly jobFailures = new Counter({
    name: 'opsdeck_job_failures_total',
    help: 'Runs of the worker jobs that failed',
    labelNames: ['job'] as const,
    registers: [this.registry],
  })
  private readonly deliveries = new Counter({
    name: 'opsdeck_report_deliveries_total',
    help: 'Scheduled report deliveries attempted, by channel and outcome (a failure is retried)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  })
  // Children by method, route and status, so that a request costs map reads, not label objects.
  private readonly series = new Map<string, Map<string, Map<number, Series>>>()

  constructor() {
    this.poolGauge('opsdeck_db_pool_in_use', 'Connections checked out', (s) => s.inUse)
    this.poolGauge('opsdeck_db_pool_idle', 'Open connections no query holds', (s) => s.idle)
    this.poolGauge('opsdeck_db_pool_waiting', 'Queries waiting for a connection', (s) => s.waiting)
    this.poolGauge('opsdeck_db_pool_max', 'Connections the pool may open', (s) => s.max)
    const pools = this.pools
    new Counter({
      name: 'opsdeck_db_query_errors_total',
      help: 'Failed queries and checkouts by kind: unavailable, statement_timeout, overloaded (no connection free in time), other (anything else the database refused)',
      labelNames: ['pool', 'kind'] as const,
      registers: [this.registry],
      collect() {
        this.reset()
        for (const [pool, stats] of pools) {
          const errors = stats().errors
          for (const [kind, label] of Object.entries(QUERY_ERROR_KINDS)) {
            this.inc({ pool, kind: label }, errors[kind as QueryErrorKind])
          }
        }
      },
    })
    // Zero from the start, so that rate() and the dashboard see every outcome before its first.
    for (const outcome of ['accepted', 'duplicate', 'rejected']) this.ingest.inc({ outcome }, 0)
    for (const outcome of ['up', 'degraded', 'down']) this.probes.inc({ outcome }, 0)
  }

  /**
   * Reports a pool as `name` (request, worker, replica): the one under a Kysely made by createDb
   * (none for another), or anything that tells its stats (the read replica).
   */
  watchPool(name: string, source: Kysely<Database> | { stats: () => PoolStats }): void {
    const pool = 'stats' in source ? source : poolOf(source)
    if (pool) this.pools.set(name, () => pool.stats())
  }

  /** Counts and times every request by its route pattern (never the raw path). Mount it first. */
  http(): MiddlewareHandler {
    return async (c, next) => {
      const started = performance.now()
      await next()
      const s = this.seriesOf(c.req.method, routeOf(c), c.res.status)
      s.count.inc()
      s.duration.observe((performance.now() - started) / 1000)
    }
  }

  ingested(outcome: 'accepted' | 'duplicate' | 'rejected', samples: number): void {
    this.ingest.inc({ outcome }, samples)
  }

  checked(outcome: string, seconds: number): void {
    this.probes.inc({ outcome })
    this.probeSeconds.observe(seconds)
  }

  jobRan(job: string, failed: boolean): void {
    this.jobRuns.inc({ job })
    // Zero on a job's first run, so that its failures have a series before the first.
    this.jobFailures.inc({ job }, failed ? 1 : 0)
  }

  delivered(channel: string, outcome: Outcome): void {
    this.deliveries.inc({ channel, outcome })
  }

  get contentType(): string {
    return this.registry.contentType
  }

  /** The exposition text. Process metrics (CPU, memory, event-loop lag, GC) start at the first
   * scrape: tests make many apps, and each would otherwise start its own monitors. */
  text(): Promise<string> {
    if (!this.defaultsStarted) {
      this.defaultsStarted = true
      collectDefaultMetrics({ register: this.registry })
    }
    return this.registry.metrics()
  }

  private poolGauge(name: string, help: string, read: (s: PoolStats) => number) {
    const pools = this.pools
    new Gauge({
      name,
      help,
      labelNames: ['pool'] as const,
      registers: [this.registry],
      collect() {
        this.reset()
        for (const [pool, stats] of pools) this.set({ pool }, read(stats()))
      },
    })
  }

  private seriesOf(method: string, route: string, status: number): Series {
    let byRoute = this.series.get(method)
    if (!byRoute) this.series.set(method, (byRoute = new Map<string, Map<number, Series>>()))
    let byStatus = byRoute.get(route)
    if (!byStatus) byRoute.set(route, (byStatus = new Map<number, Series>()))
    let s = byStatus.get(status)
    if (!s) {
      const labels = [method, route, String(status)] as const
      s = { count: this.requests.labels(...labels), duration: this.durations.labels(...labels) }
      byStatus.set(status, s)
    }
    return s
  }
}

/**
 * The pattern of the route that answered or would have (`/api/v1/services/:slug`): the first
 * route handler matched from where the request stopped, so a 401 from access() or a 403 from the
 * CSRF guard still names its route. Middleware alone (method ALL) matched: the request had none.
 */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c)
  for (let i = c.req.routeIndex; i < routes.length; i++) {
    const route = routes[i]!
    if (route.method !== 'ALL') return route.path
  }
  return UNMATCHED
}
