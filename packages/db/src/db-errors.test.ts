import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable, isStatementTimeout, PoolOverloadedError } from './db-errors.ts'

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a reset connection', withCode('ECONNRESET')],
    [
      'no file descriptor left for a connection',
      withCode('EMFILE', 'connect EMFILE 127.0.0.1:5432'),
    ],
    [
      'a server shutting down (57P01)',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['a server starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a crashed server (57P02)', withCode('57P02')],
    ['a connection failure (08006)', withCode('08006')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('timeout exceeded when trying to connect')],
    ['a dead client', new Error('Client has encountered a connection error and is not queryable')],
    ['the client-side query deadline', new Error('Query read timeout')],
    ['every address refused', new AggregateError([withCode('ECONNREFUSED')])],
  ])('is true for %s', (_, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true)
  })

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value')],
    ['a syntax error', withCode('42601')],
    ['a wrong password', withCode('28P01', 'password authentication failed')],
    ['a full pool', new PoolOverloadedError(100)],
    ['a statement timeout', withCode('57014', 'canceling statement due to statement timeout')],
    ['not an error at all', 'oops'],
  ])('is false for %s', (_, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false)
  })

  it('tells a statement timeout apart', () => {
    expect(isStatementTimeout(withCode('57014'))).toBe(true)
    expect(isStatementTimeout(withCode('57P01'))).toBe(false)
  })
})
