// How a failed query is told apart: the database is gone (503 database_unavailable), the pool is
// full (503 overloaded), or it is the query's own fault (anything else).

/** Every pooled seat stayed taken for longer than the queue deadline: overload, not an outage. */
export class PoolOverloadedError extends Error {
  override name = 'PoolOverloadedError'
  readonly code = 'POOL_OVERLOADED'
  constructor(waitedMs: number) {
    super(`no database connection free within ${waitedMs} ms`)
  }
}

// Socket-level codes from Node, and PostgreSQL's SQLSTATEs for a server that is shutting down,
// starting up, crashed, out of connections, or dropped the connection (class 08).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EMFILE', // this process is out of file descriptors: no new connection can be opened
  'ENFILE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
])

// pg reports a lost connection, and its own query deadline ('Query read timeout'), by message only.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Query read timeout|connection error|Connection ended/i

/** True when the error means "the database is not reachable", whatever the driver called it. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof AggregateError) return err.errors.some(isDatabaseUnavailable)
  if (typeof err !== 'object' || err === null) return false
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true
  const message = err instanceof Error ? err.message : ''
  return UNAVAILABLE_MESSAGES.test(message)
}

/** True when the pool was full for longer than its queue deadline. */
export function isPoolOverloaded(err: unknown): err is PoolOverloadedError {
  return err instanceof PoolOverloadedError
}

/** The server cancelled a statement that ran past `statement_timeout`. */
export function isStatementTimeout(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '57014'
}
