import { describe, expect, test } from 'vitest'
import { ApiError } from '../../lib/api.ts'
import {
  defaultDay,
  localToday,
  parsePeriodView,
  periodProblem,
  periodQuery,
  withPeriodView,
} from './period.ts'

const params = (s: string) => new URLSearchParams(s)

describe('the period in the URL', () => {
  test('read with defaults; malformed days and the other kind’s fields left out', () => {
    expect(parsePeriodView(params(''))).toEqual({ kind: 'month' })
    expect(parsePeriodView(params('period=week&day=2026-11-12'))).toEqual({
      kind: 'week',
      day: '2026-11-12',
    })
    expect(parsePeriodView(params('period=year&day=2026-02-30'))).toEqual({ kind: 'month' })
    expect(
      parsePeriodView(params('period=custom&from=2026-10-01&to=2026-10-31&day=2026-11-01')),
    ).toEqual({
      kind: 'custom',
      from: '2026-10-01',
      to: '2026-10-31',
    })
    expect(parsePeriodView(params('period=quarter&from=2026-10-01'))).toEqual({ kind: 'quarter' })
  })

  test('written over the other params, round-tripping', () => {
    const next = withPeriodView(params('range=7d&day=2026-01-01'), {
      kind: 'custom',
      from: '2026-10-01',
      to: '2026-10-31',
    })
    expect(next.toString()).toBe('range=7d&period=custom&from=2026-10-01&to=2026-10-31')
    expect(parsePeriodView(next)).toEqual({ kind: 'custom', from: '2026-10-01', to: '2026-10-31' })
    expect(withPeriodView(next, { kind: 'quarter' }).toString()).toBe('range=7d&period=quarter')
  })
})

describe('default periods: the last whole one before today', () => {
  test('week, month and quarter, across a year end', () => {
    expect(defaultDay('week', '2026-12-03')).toBe('2026-11-26')
    expect(defaultDay('month', '2026-12-03')).toBe('2026-11-01')
    expect(defaultDay('month', '2027-01-01')).toBe('2026-12-01')
    expect(defaultDay('quarter', '2026-12-03')).toBe('2026-07-01')
    expect(defaultDay('quarter', '2027-02-10')).toBe('2026-10-01')
    expect(defaultDay('week', '2027-01-03')).toBe('2026-12-27')
  })

  test('a custom period defaults to last month; given days are kept', () => {
    expect(periodQuery({ kind: 'custom' }, '2026-03-15')).toEqual({
      period: 'custom',
      from: '2026-02-01',
      to: '2026-02-28',
    })
    expect(periodQuery({ kind: 'custom', from: '2026-01-05' }, '2026-03-15')).toEqual({
      period: 'custom',
      from: '2026-01-05',
      to: '2026-02-28',
    })
    expect(periodQuery({ kind: 'week', day: '2026-11-12' }, '2026-12-03')).toEqual({
      period: 'week',
      day: '2026-11-12',
    })
  })

  test('today is the reader’s calendar day', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05')
  })
})

describe('the API’s refusal of a period', () => {
  const detail = (path: string, message: string) => ({ path, message })

  test('a 400 reads its details under the picker’s labels, a 422 its message', () => {
    const span = new ApiError(
      400,
      'validation_failed',
      'Invalid request: query.from: must be a day (2026-11-30); query.to: must be on or after `from`',
      [
        detail('query.from', 'must be a day (2026-11-30)'),
        detail('query.to', 'must be on or after `from`'),
      ],
    )
    expect(periodProblem(span)).toEqual({
      message: 'From: must be a day (2026-11-30). To: must be on or after `from`',
      fields: ['from', 'to'],
    })
    const message = 'December 2026 has not begun: it starts on 2026-12-01'
    expect(
      periodProblem(
        new ApiError(422, 'period_not_started', message, [detail('query.day', message)]),
      ),
    ).toEqual({ message, fields: ['day'] })
  })

  test('paths that are not the picker’s keep their name; no details keep the message', () => {
    expect(
      periodProblem(
        new ApiError(400, 'validation_failed', 'Invalid request: …', [
          detail('query.toString', 'is not a field'),
        ]),
      ),
    ).toEqual({ message: 'toString: is not a field', fields: [] })
    expect(periodProblem(new ApiError(400, 'http_400', 'The server answered 400.'))).toEqual({
      message: 'The server answered 400.',
      fields: [],
    })
  })

  test('anything else is a failed load, to retry', () => {
    expect(periodProblem(null)).toBeNull()
    expect(periodProblem(new ApiError(500, 'internal', 'Something went wrong'))).toBeNull()
    expect(periodProblem(new ApiError(0, 'network', 'Could not reach the server.'))).toBeNull()
    expect(periodProblem(new ApiError(403, 'forbidden', 'No'))).toBeNull()
    expect(periodProblem(new Error('boom'))).toBeNull()
  })
})
