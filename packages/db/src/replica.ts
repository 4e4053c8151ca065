import type { Kysely, PostgresPool, PostgresPoolClient } from 'kysely'
import { createPool, kyselyOver, type ConnectOptions } from './connect.ts'
import { isDatabaseUnavailable } from './db-errors.ts'
import { type GuardedPool, isRead, type PoolStats } from './pool.ts'
import {
  chooseReadTarget,
  type Lsn,
  parseLsn,
  type ReadLimits,
  type ReadTarget,
  replicaLagMs,
  type ReplicaState,
  observeReplica,
} from './replica-routing.ts'
import type { Database } from './schema/index.ts'

// A replica check is reused for this long: one check per process per interval, however many
// requests, and none while nobody asks.
const CHECK_EVERY_MS = 100
// Past this without a finished check the replica is not trusted (checks hang or fail).
const MAX_CHECK_AGE_MS = 2_000
// The checks' own deadlines: a frozen server must not hold a check for long.
const CHECK_TIMEOUT_MS = 1_000

export interface ReplicaOptions extends ConnectOptions {
  /** Reads go to the primary while the replica misses writes older than this. */
  maxLagMs: number
  /** The replica started or stopped taking reads, and why: called once per change. */
  onChange?: ((change: ReplicaChange) => void) | undefined
}

export type ReplicaChange = { status: 'in-use' } | { status: 'not-used'; reason: string }

/**
 * A streaming replica for reads. `pick(marker)` says where a read goes, from a check of the
 * replica made at most every 100 ms in the background (never awaited by a request); `db` reads on
 * the replica with the same guards as the primary's pool, and falls back to the primary per
 * connection when the replica does not answer, so a replica that dies between checks costs a
 * request nothing.
 */
export class ReadReplica {
  readonly db: Kysely<Database>
  private readonly limits: ReadLimits
  private readonly pool: GuardedPool
  private readonly replicaCheck: GuardedPool
  private readonly primaryCheck: GuardedPool
  private readonly primary: GuardedPool
  private readonly onChange: (change: ReplicaChange) => void
  private state: ReplicaState | null = null
  private checking: Promise<void> | null = null
  private lastChange: string | null = null
  private closed = false

  constructor(primary: GuardedPool, primaryUrl: string, replicaUrl: string, opts: ReplicaOptions) {
    this.primary = primary
    this.limits = { maxLagMs: opts.maxLagMs, maxCheckAgeMs: MAX_CHECK_AGE_MS }
    this.onChange = opts.onChange ?? (() => {})
    // Same guards as the primary's pool, but no waiting for a replica that is away: the read
    // goes to the primary at once instead.
    this.pool = createPool(replicaUrl, { ...opts, connectRetryMs: 0, onStatus: () => {} })
    const check = {
      max: 1,
      statementTimeoutMs: CHECK_TIMEOUT_MS,
      queryTimeoutMs: CHECK_TIMEOUT_MS,
      connectionTimeoutMs: CHECK_TIMEOUT_MS,
      queueTimeoutMs: CHECK_TIMEOUT_MS,
      connectRetryMs: 0,
      onError: () => {},
    }
    // Connections of their own, so that a busy pool never delays a check.
    this.replicaCheck = createPool(replicaUrl, check)
    this.primaryCheck = createPool(primaryUrl, check)
    this.db = kyselyOver(new ReplicaFirstPool(this.pool, primary, (err) => this.lost(err)))
  }

  /** The replica pool's connections and failures, for /metrics (pool="replica"). */
  stats(): PoolStats {
    return this.pool.stats()
  }

  get maxLagMs(): number {
    return this.limits.maxLagMs
  }

  /** Where a read goes now, for a request whose author's last write was at `marker` (if any). */
  pick(marker: Lsn | null, now = Date.now()): ReadTarget {
    const due = this.state === null || now - this.state.checkedAt >= CHECK_EVERY_MS
    if (due && this.checking === null && !this.closed) {
      this.checking = this.check().finally(() => (this.checking = null))
    }
    return chooseReadTarget(this.state, marker, now, this.limits)
  }

  /** The primary's WAL position: after a write, what its author's reads wait for the replica to reach. */
  async primaryLsn(): Promise<Lsn | null> {
    const row = await ask(this.primary, 'SELECT pg_current_wal_lsn()::text AS lsn')
    return parseLsn(row?.lsn as string | undefined)
  }

  /** For tests and the start-up line: the replica's state as of its last check. */
  async checkNow(): Promise<ReadTarget> {
    await this.check()
    return chooseReadTarget(this.state, null, Date.now(), this.limits)
  }

  async close(): Promise<void> {
    this.closed = true
    await this.checking
    await Promise.all([this.db.destroy(), this.replicaCheck.end(), this.primaryCheck.end()])
  }

  private async check(): Promise<void> {
    let reason = ''
    const [replica, primary] = await Promise.all([
      ask(
        this.replicaCheck,
        'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replay',
      ).catch((err: unknown) => {
        reason = `the replica does not answer: ${(err as Error).message}`
        return null
      }),
      ask(this.primaryCheck, 'SELECT pg_current_wal_lsn()::text AS lsn').catch(() => null),
    ])
    const at = Date.now()
    this.state = observeReplica(
      this.state,
      {
        at,
        replica: replica && {
          inRecovery: replica.standby === true,
          replayLsn: parseLsn(replica.replay as string | null),
        },
        primaryLsn: parseLsn(primary?.lsn as string | undefined),
      },
      this.limits,
    )
    if (replica && replica.standby !== true) reason = 'it is not a standby (promoted, or a primary)'
    else if (!this.state.usable && !reason) reason = 'it has replayed no WAL yet'
    const lagMs = replicaLagMs(this.state, at)
    const boundS = this.limits.maxLagMs / 1000
    if (this.state.usable && lagMs > this.limits.maxLagMs) {
      reason = `it is more than ${boundS} s behind`
    } else if (this.state.usable && this.state.held) {
      // Nearly caught up after an outage, lag or start: not worth a line before the first state.
      if (this.lastChange === null) return
      reason = `it is ${(lagMs / 1000).toFixed(1)} s behind, catching up (back within ${boundS / 4} s)`
    }
    this.report(reason)
  }

  // A read found the replica gone between two checks: stop sending reads there at once.
  private lost(err: unknown) {
    if (this.state) this.state = { ...this.state, usable: false }
    this.report(`the replica does not answer: ${(err as Error).message}`)
  }

  private report(reason: string) {
    const status = reason ? 'not-used' : 'in-use'
    if (status === this.lastChange) return
    this.lastChange = status
    this.onChange(reason ? { status: 'not-used', reason } : { status: 'in-use' })
  }
}

async function ask(pool: GuardedPool, text: string): Promise<Record<string, unknown> | null> {
  const client = await pool.connect()
  try {
    const result = await client.query<Record<string, unknown>>(text, [])
    return result.rows[0] ?? null
  } finally {
    client.release()
  }
}

// A read the replica could not serve, but the primary can: it is gone or going away, or it
// cancelled the query for conflicting with replay (40001, 40P01 on a standby).
function primaryCanServe(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return isDatabaseUnavailable(err) || code === '40001' || code === '40P01'
}

/**
 * Connections from the replica's pool that turn into the primary's when the replica cannot
 * answer: at checkout, or on a query while everything sent on that checkout was a plain read
 * (so nothing is lost by sending it again elsewhere).
 */
class ReplicaFirstPool implements PostgresPool {
  private readonly replica: GuardedPool
  private readonly primary: GuardedPool
  private readonly lost: (err: unknown) => void

  constructor(replica: GuardedPool, primary: GuardedPool, lost: (err: unknown) => void) {
    this.replica = replica
    this.primary = primary
    this.lost = lost
  }

  async connect(): Promise<PostgresPoolClient> {
    let client: PostgresPoolClient
    try {
      client = await this.replica.connect()
    } catch (err) {
      if (!primaryCanServe(err)) throw err
      this.lost(err)
      return this.primary.connect()
    }
    return this.fallingBack(client)
  }

  /** For Kysely's query cancellation, as pg.Pool has it. */
  get options() {
    return this.replica.options
  }

  end(): Promise<void> {
    return this.replica.end() // the primary's pool belongs to its opener
  }

  private fallingBack(first: PostgresPoolClient): PostgresPoolClient {
    let client = first
    let onPrimary = false
    let onlyReads = true
    const run = (args: unknown[]): unknown =>
      (client.query as (...a: unknown[]) => unknown).apply(client, args)
    const query = (...args: unknown[]): unknown => {
      onlyReads &&= typeof args[0] === 'string' && isRead(args[0])
      const result = run(args)
      if (onPrimary || !onlyReads || !(result instanceof Promise)) return result
      return result.catch(async (err: unknown) => {
        if (!primaryCanServe(err)) throw err
        if (isDatabaseUnavailable(err)) this.lost(err)
        client.release()
        client = await this.primary.connect()
        onPrimary = true
        return run(args)
      })
    }
    return {
      query,
      get processID() {
        return (client as unknown as { processID?: number }).processID
      },
      release: (destroy?: boolean) => client.release(destroy),
    } as unknown as PostgresPoolClient
  }
}
