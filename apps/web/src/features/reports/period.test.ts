import { describe, expect, test } from 'vitest'
import { defaultDay, localToday, parsePeriodView, periodQuery, withPeriodView } from './period.ts'

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
