import { describe, expect, it } from 'vitest'
import { Instant, RangeQuery, resolveRange } from './range.ts'

const NOW = new Date('2026-11-27T10:00:00Z')

describe('resolveRange', () => {
  it('reads days as local midnights, with an inclusive last day', () => {
    // BST: 1 July local midnight is 30 June 23:00Z.
    expect(resolveRange({ from: '2026-07-01', to: '2026-07-31' }, 'Europe/London', NOW)).toEqual({
      ok: true,
      range: { from: new Date('2026-06-30T23:00:00Z'), to: new Date('2026-07-31T23:00:00Z') },
    })
  })

  it('spans a clock change correctly', () => {
    const r = resolveRange({ from: '2026-10-25', to: '2026-10-25' }, 'Europe/London', NOW)
    // The day the clocks go back lasts 25 hours.
    expect(r.ok && r.range.to.getTime() - r.range.from.getTime()).toBe(25 * 3_600_000)
  })

  it('takes instants as given', () => {
    const r = resolveRange(
      { from: '2026-11-01T06:00:00+01:00', to: '2026-11-02T00:00:00Z' },
      'UTC',
      NOW,
    )
    expect(r).toEqual({
      ok: true,
      range: { from: new Date('2026-11-01T05:00:00Z'), to: new Date('2026-11-02T00:00:00Z') },
    })
  })

  it('defaults to the 30 days up to now', () => {
    expect(resolveRange({}, 'Europe/London', NOW)).toEqual({
      ok: true,
      range: { from: new Date('2026-10-28T10:00:00Z'), to: NOW },
    })
  })

  it('refuses an empty, reversed or too long range', () => {
    expect(resolveRange({ from: '2026-11-02', to: '2026-11-01' }, 'UTC', NOW).ok).toBe(false)
    expect(
      resolveRange({ from: '2026-11-02T00:00:00Z', to: '2026-11-02T00:00:00Z' }, 'UTC', NOW).ok,
    ).toBe(false)
    expect(resolveRange({ from: '2025-01-01', to: '2026-11-01' }, 'UTC', NOW)).toEqual({
      ok: false,
      message: 'the range may span at most 400 days',
    })
  })
})

describe('RangeQuery and Instant', () => {
  // `new Date(50, 0, 1)` is 1950: years 0–99 must never reach the date arithmetic.
  it('refuse a year before 1970, which is a typo, with a message saying so', () => {
    for (const from of ['0050-01-01', '0001-01-01T00:00:00Z', '1969-12-31']) {
      expect(RangeQuery.safeParse({ from }).error?.issues).toEqual([
        expect.objectContaining({ path: ['from'], message: 'must be in 1970 or later' }),
      ])
    }
    expect(Instant.safeParse('0099-12-31T00:00:00+01:00').error?.issues).toEqual([
      expect.objectContaining({ message: 'must be in 1970 or later' }),
    ])
  })

  it('refuse a year after 2999 (9999-12-31 as `to` would end in year 10000)', () => {
    for (const to of ['9999-12-31', '3000-01-01T00:00:00Z']) {
      expect(RangeQuery.safeParse({ to }).error?.issues).toEqual([
        expect.objectContaining({ path: ['to'], message: 'must be in 2999 or earlier' }),
      ])
    }
    expect(Instant.safeParse('5000-01-01T00:00:00Z').success).toBe(false)
  })

  it('refuse text that is no instant with one message, not the year checks as well', () => {
    for (const value of ['yesterday', '27/11/2026 09:00', '']) {
      expect(Instant.safeParse(value).error?.issues).toEqual([
        expect.objectContaining({ code: 'invalid_format', format: 'datetime' }),
      ])
    }
  })

  it('take 1970 on', () => {
    expect(RangeQuery.parse({ from: '1970-01-01', to: '2026-11-27T10:00:00Z' })).toEqual({
      from: '1970-01-01',
      to: '2026-11-27T10:00:00Z',
    })
    expect(Instant.parse('1970-01-01T00:00:00Z')).toEqual(new Date(0))
  })

  it('says what a bound must look like', () => {
    const issue = RangeQuery.safeParse({ from: '2026-10-01T10:00:00' }).error?.issues[0]
    expect(issue?.path).toEqual(['from'])
    expect(issue?.message).toBe(
      'must be a day (2026-10-31) or an instant with its offset (2026-10-31T09:00:00Z)',
    )
  })
})
