import { describe, expect, it } from 'vitest'
import { ConfigError, DbEnv, openOptions, parseEnv } from './env.ts'

describe('the database environment', () => {
  it('takes the defaults, and an empty value as unset (not as 0)', () => {
    const env = parseEnv(DbEnv, {
      PG_POOL_MAX: '',
      PG_STATEMENT_TIMEOUT_MS: '',
      PG_QUERY_TIMEOUT_MS: '',
    })
    expect(env).toMatchObject({
      PG_POOL_MAX: 10,
      PG_POOL_QUEUE_TIMEOUT_MS: 2_000,
      PG_STATEMENT_TIMEOUT_MS: 4_000,
      PG_CONNECT_TIMEOUT_MS: 3_000,
      OPSDECK_PG_PORT: 54329,
    })
    expect(env.PG_QUERY_TIMEOUT_MS).toBeUndefined()
  })

  it('passes the pool settings on to the connection', () => {
    const env = parseEnv(DbEnv, { PG_POOL_MAX: '4', PG_POOL_QUEUE_TIMEOUT_MS: '250' })
    expect(openOptions(env)).toMatchObject({ max: 4, queueTimeoutMs: 250 })
  })

  it('names every wrong value in one line', () => {
    expect(() => parseEnv(DbEnv, { PG_POOL_MAX: '0', PG_QUERY_TIMEOUT_MS: 'soon' })).toThrow(
      ConfigError,
    )
    expect(() => parseEnv(DbEnv, { PG_POOL_MAX: '0', PG_QUERY_TIMEOUT_MS: 'soon' })).toThrow(
      /PG_QUERY_TIMEOUT_MS .*; PG_POOL_MAX /,
    )
  })
})
