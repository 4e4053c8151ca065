import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema.ts'

// Parse once, for every pool: int8 (counts, pence) and numeric as numbers; `date` stays a
// 'YYYY-MM-DD' string so a calendar day never shifts with the process time zone.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v))
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v)

export interface ConnectOptions {
  max?: number
  statementTimeoutMs?: number
  connectionTimeoutMs?: number
  onError?: (err: Error) => void
}

export function createPool(connectionString: string, opts: ConnectOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: opts.statementTimeoutMs ?? 30_000,
    application_name: 'opsdeck',
  })
  // Without a listener, an idle client's error (server restart, network drop) kills the process.
  pool.on('error', opts.onError ?? ((err) => console.error('pg pool error:', err.message)))
  return pool
}

export function createDb(connectionString: string, opts: ConnectOptions = {}): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: createPool(connectionString, opts) }),
    plugins: [new CamelCasePlugin()],
  })
}
