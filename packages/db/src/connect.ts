import { CamelCasePlugin, Kysely, PostgresDialect, type PostgresPool } from 'kysely'
import pg from 'pg'
import { GuardedPool, type DatabaseStatusChange } from './pool.ts'
import type { Database } from './schema/index.ts'

// Parse once, for every pool: int8 (counts, pence) and numeric as numbers; `date` stays a
// 'YYYY-MM-DD' string so a calendar day never shifts with the process time zone.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)

export interface ConnectOptions {
  max?: number
  statementTimeoutMs?: number
  /** Client-side deadline for one query (default: the statement timeout plus a second). */
  queryTimeoutMs?: number
  connectionTimeoutMs?: number
  /** How long a query may wait for a free pooled connection (default 2 s). */
  queueTimeoutMs?: number
  /** How long a query retries connecting while the database comes back (default 2 s). */
  connectRetryMs?: number
  onError?: (err: Error) => void
  onStatus?: (change: DatabaseStatusChange) => void
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 4_000

export function createPool(connectionString: string, opts: ConnectOptions = {}): GuardedPool {
  const statementTimeoutMs = opts.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS
  return new GuardedPool(connectionString, {
    max: opts.max ?? 10,
    queueTimeoutMs: opts.queueTimeoutMs ?? 2_000,
    connectionTimeoutMs: opts.connectionTimeoutMs ?? 3_000,
    statementTimeoutMs,
    queryTimeoutMs: opts.queryTimeoutMs ?? statementTimeoutMs + 1_000,
    connectRetryMs: opts.connectRetryMs ?? 2_000,
    onError:
      opts.onError ?? ((err) => console.error('opsdeck: database connection lost:', err.message)),
    onStatus: opts.onStatus ?? (() => {}),
  })
}

export function createDb(connectionString: string, opts: ConnectOptions = {}): Kysely<Database> {
  return kyselyOver(createPool(connectionString, opts))
}

// Which pool each Kysely runs on, so that /metrics can read the pool of the `db` it was given.
const pools = new WeakMap<Kysely<Database>, GuardedPool>()

/** A Kysely over a pool made by `createPool` (or one wrapping it), for callers that need the pool too. */
export function kyselyOver(pool: PostgresPool): Kysely<Database> {
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  })
  if (pool instanceof GuardedPool) pools.set(db, pool)
  return db
}

/** The pool under a Kysely made here (createDb, kyselyOver, openDatabase); none for others. */
export function poolOf(db: Kysely<Database>): GuardedPool | undefined {
  return pools.get(db)
}
