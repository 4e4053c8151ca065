import type { PostgresPool, PostgresPoolClient } from 'kysely'
import pg from 'pg'
import {
  PoolOverloadedError,
  isDatabaseUnavailable,
  isPoolOverloaded,
  isStatementTimeout,
} from './db-errors.ts'

export interface GuardedPoolOptions {
  /** Connections in the pool, and so queries running at once. */
  max: number
  /** How long a query may wait for a free connection before the request is refused as overload. */
  queueTimeoutMs: number
  /** How long opening one connection may take. */
  connectionTimeoutMs: number
  /** Client-side deadline for one query: a frozen server fails it instead of hanging it. */
  queryTimeoutMs: number
  /** Server-side `statement_timeout`. */
  statementTimeoutMs: number
  /** While the database is coming back, how long a query keeps retrying to connect. */
  connectRetryMs: number
  /** A connection was lost outside any query (an idle or checked-out client). */
  onError: (err: Error) => void
  /** The database went away (with the first error) or came back (with how long it was away). */
  onStatus: (change: DatabaseStatusChange) => void
}

export type DatabaseStatusChange =
  { status: 'down'; error: Error } | { status: 'up'; downMs: number }

/** How a failed query or checkout is told apart, as the API's error handler answers it. */
export type QueryErrorKind = 'unavailable' | 'statementTimeout' | 'overloaded' | 'other'

/** The pool now, for /metrics: read when scraped, so counting costs the queries nothing. */
export interface PoolStats {
  max: number
  /** Connections checked out (a seat taken), opening ones included. */
  inUse: number
  /** Open connections no query holds. */
  idle: number
  /** Queries waiting for a seat: above zero for long, the pool is too small or queries too slow. */
  waiting: number
  /** Failures since the pool was made, by kind: a query rejected, or no seat within the deadline. */
  errors: Record<QueryErrorKind, number>
}

function kindOf(err: unknown): QueryErrorKind {
  if (isPoolOverloaded(err)) return 'overloaded'
  if (isDatabaseUnavailable(err)) return 'unavailable'
  if (isStatementTimeout(err)) return 'statementTimeout'
  return 'other'
}

// A query that found no free seat asks the database whether it answers, for at most this long.
const PING_ON_QUEUE_TIMEOUT_MS = 1_000
// While down, the database is asked this often, on a fresh connection, whether it is back.
const RECOVERY_EVERY_MS = 500
const RECOVERY_PING_MS = 1_000
// After this long down, queries stop waiting for the database to come back: they fail at once.
const OUTAGE_FAST_FAIL_MS = 10_000

/**
 * A pg pool that never crashes the process and never hangs a request. Every client has an
 * 'error' listener for its whole life (pg-pool only covers idle ones, so a server restart between
 * two queries of a request used to kill the process). A connection is taken through a seat with a
 * queue deadline, so a full pool is reported as overload, not as an outage. A broken client
 * (lost connection, query past its deadline) is destroyed on release, never handed out again.
 * While the database is away, connecting retries for a short while, so a restart costs a pause.
 */
export class GuardedPool implements PostgresPool {
  readonly pool: pg.Pool
  readonly options: pg.PoolConfig
  private readonly opts: GuardedPoolOptions
  private readonly seats: Seats
  private readonly broken = new WeakSet<pg.PoolClient>()
  /** Clients just opened, not yet handed out: proof that the database answers again. */
  private readonly fresh = new WeakSet<pg.PoolClient>()
  private downSince: number | null = null
  private readonly errors: Record<QueryErrorKind, number> = {
    unavailable: 0,
    statementTimeout: 0,
    overloaded: 0,
    other: 0,
  }
  private pingInFlight: Promise<void> | null = null
  private ended = false

  constructor(connectionString: string, opts: GuardedPoolOptions) {
    this.opts = opts
    this.options = {
      connectionString,
      max: opts.max,
      connectionTimeoutMillis: opts.connectionTimeoutMs,
      idleTimeoutMillis: 30_000,
      statement_timeout: opts.statementTimeoutMs,
      query_timeout: opts.queryTimeoutMs,
      application_name: 'opsdeck',
    }
    this.pool = new pg.Pool(this.options)
    this.seats = new Seats(opts.max)
    this.pool.on('connect', (client) => {
      client.on('error', (err) => {
        this.broken.add(client)
        this.markDown(err)
        opts.onError(err)
      })
      this.fresh.add(client)
    })
    // pg-pool re-emits an idle client's error here; the client's own listener has reported it.
    this.pool.on('error', () => {})
  }

  connect(): Promise<PostgresPoolClient> {
    return this.checkout().catch((err: unknown) => this.failed(err))
  }

  stats(): PoolStats {
    return {
      max: this.opts.max,
      inUse: this.seats.taken,
      idle: this.pool.idleCount,
      waiting: this.seats.queued,
      errors: { ...this.errors },
    }
  }

  private failed(err: unknown): never {
    this.errors[kindOf(err)]++
    throw err
  }

  private async checkout(): Promise<PostgresPoolClient> {
    const waited = performance.now()
    if (!(await this.seats.take(this.opts.queueTimeoutMs))) {
      // A pool full of queries stuck on a dead or frozen database is an outage, not overload.
      const answers = this.downSince === null && (await this.answers(PING_ON_QUEUE_TIMEOUT_MS))
      if (!answers) {
        const err = new Error('Connection terminated: the database is not answering')
        this.markDown(err)
        throw err
      }
      throw new PoolOverloadedError(Math.round(performance.now() - waited))
    }
    let client: pg.PoolClient
    try {
      client = await this.connectWithRetry()
    } catch (err) {
      this.seats.give()
      throw err
    }
    return this.guard(client)
  }

  /** Asks the database itself (a fresh connection, not a pool seat) whether it answers. */
  ping(timeoutMs: number): Promise<void> {
    this.pingInFlight ??= this.pingOnce(timeoutMs).finally(() => (this.pingInFlight = null))
    return this.pingInFlight
  }

  private answers(timeoutMs: number): Promise<boolean> {
    return this.ping(timeoutMs).then(
      () => true,
      () => false,
    )
  }

  end(): Promise<void> {
    this.ended = true
    return this.pool.end()
  }

  private async pingOnce(timeoutMs: number): Promise<void> {
    const client = new pg.Client({
      ...this.options,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
    })
    client.on('error', () => {})
    const attemptAt = Date.now()
    try {
      await client.connect()
      await client.query('SELECT 1')
      this.markUp(attemptAt)
    } finally {
      client.end().catch(() => {})
    }
  }

  private async connectWithRetry(): Promise<pg.PoolClient> {
    const outageMs = this.downSince === null ? 0 : Date.now() - this.downSince
    const deadline = Date.now() + (outageMs > OUTAGE_FAST_FAIL_MS ? 0 : this.opts.connectRetryMs)
    for (let delay = 100; ; delay = Math.min(delay * 2, 800)) {
      const attemptAt = Date.now()
      try {
        const client = await this.pool.connect()
        // Only a connection opened after the outage began says the database is back: a query on
        // an older one may still succeed while the server is terminating the others.
        if (this.fresh.delete(client)) this.markUp(attemptAt)
        return client
      } catch (err) {
        if (!isDatabaseUnavailable(err)) throw err
        this.markDown(err as Error)
        if (Date.now() + delay > deadline) throw err
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }

  // Watches the client's queries while it is checked out, and gives its seat back on release.
  // A plain read that loses its connection (a server restart terminates every session) is sent
  // once more on a new connection, but only while everything sent on this checkout was a plain
  // read outside a transaction: then nothing was changed and no session state is lost.
  private guard(first: pg.PoolClient): PostgresPoolClient {
    let client = first
    let released = false
    let onlyReads = true
    const run = (args: unknown[]): unknown =>
      (client.query as (...a: unknown[]) => unknown)(...args)
    let holding = true // false between giving the lost client back and getting a new one
    const again = async (args: unknown[]): Promise<unknown> => {
      // The lost client goes first: its pool slot is the one the new connection needs.
      client.release(true)
      holding = false
      client = await this.connectWithRetry()
      holding = true
      return (run(args) as Promise<unknown>).catch((err: unknown) => {
        if (isDatabaseUnavailable(err)) this.broken.add(client)
        throw err
      })
    }
    const attempt = (...args: unknown[]): unknown => {
      const text = typeof args[0] === 'string' ? args[0] : ''
      const retry = onlyReads && isRead(text)
      onlyReads = retry
      // A lost connection answers nothing more: fail at once (a rollback queued behind a frozen
      // query would wait out a second deadline), or read again on a new one.
      if (this.broken.has(client)) {
        if (retry) return again(args)
        return Promise.reject(new Error('Connection terminated: this connection was lost'))
      }
      const result = run(args)
      if (!(result instanceof Promise)) return result // a cursor: not awaited here
      return result.catch((err: unknown) => {
        if (!isDatabaseUnavailable(err)) throw err
        this.broken.add(client)
        this.markDown(err as Error)
        // A query past its deadline met a frozen server: asking again would only wait again.
        if (!retry || /Query read timeout/.test((err as Error).message)) throw err
        return again(args)
      })
    }
    // Counted once, as the caller sees it: a read that succeeded on its second try is no error.
    const query = (...args: unknown[]): unknown => {
      const result = attempt(...args)
      return result instanceof Promise ? result.catch((err: unknown) => this.failed(err)) : result
    }
    return {
      query,
      get processID() {
        return (client as unknown as { processID?: number }).processID
      },
      release: (destroy?: boolean) => {
        if (released) return
        released = true
        this.seats.give()
        if (holding) client.release(destroy || this.broken.has(client))
      },
    } as unknown as PostgresPoolClient
  }

  private markDown(error: Error) {
    if (this.downSince !== null) return
    this.downSince = Date.now()
    this.opts.onStatus({ status: 'down', error })
    this.watchRecovery()
  }

  // While down, ask the server on a fresh connection every half second: the state must turn
  // back to up even when no request opens a new connection (idle clients may be enough).
  private watchRecovery() {
    const tick = () => {
      if (this.downSince === null || this.ended) return
      this.ping(RECOVERY_PING_MS)
        .catch(() => {})
        .finally(() => {
          if (this.downSince !== null && !this.ended) setTimeout(tick, RECOVERY_EVERY_MS).unref()
        })
    }
    setTimeout(tick, RECOVERY_EVERY_MS).unref()
  }

  private markUp(evidenceAt: number) {
    if (this.downSince === null || evidenceAt < this.downSince) return
    const downMs = Date.now() - this.downSince
    this.downSince = null
    this.opts.onStatus({ status: 'up', downMs })
  }
}

// Plain reads only: a statement that may write, lock, change the session or call a function with
// effects is never repeated (anything unusual is simply not retried).
const READ = /^\s*(select|with)\b/i
const NOT_A_PLAIN_READ =
  /\b(insert|update|delete|merge|into|nextval|setval|set_config|pg_notify|pg_advisory\w*|pg_terminate_backend|pg_cancel_backend)\b|\bfor\s+(update|no\s+key\s+update|share|key\s+share)\b/i

export function isRead(text: string): boolean {
  return READ.test(text) && !NOT_A_PLAIN_READ.test(text)
}

/** A counting semaphore whose waiters give up after a deadline. */
class Seats {
  private free: number
  private readonly size: number
  private readonly waiting: ((ok: boolean) => void)[] = []

  constructor(size: number) {
    this.size = size
    this.free = size
  }

  get taken(): number {
    return this.size - this.free
  }

  get queued(): number {
    return this.waiting.length
  }

  take(timeoutMs: number): Promise<boolean> {
    if (this.free > 0) {
      this.free--
      return Promise.resolve(true)
    }
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(wake)
        if (i >= 0) this.waiting.splice(i, 1)
        resolve(false)
      }, timeoutMs)
      const wake = (ok: boolean) => {
        clearTimeout(timer)
        resolve(ok)
      }
      this.waiting.push(wake)
    })
  }

  give() {
    const next = this.waiting.shift()
    if (next) next(true)
    else this.free++
  }
}
