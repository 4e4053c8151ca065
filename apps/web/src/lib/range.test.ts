import { describe, expect, test } from 'vitest'
import { describeRange, parseRange, toApiQuery, validateCustomRange, withRange } from './range.ts'

const parse = (search: string) => parseRange(new URLSearchParams(search))

describe('parseRange', () => {
  test('reads a preset', () => expect(parse('range=7d')).toEqual({ preset: '7d' }))
  test('defaults to the last 30 days', () => expect(parse('')).toEqual({ preset: '30d' }))
  test('ignores an unknown preset', () => expect(parse('range=5y')).toEqual({ preset: '30d' }))
  test('reads custom days, which win over a preset', () => {
    expect(parse('range=7d&from=2026-11-01&to=2026-11-30')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    })
  })
  test('accepts ISO instants', () => {
    expect(parse('from=2026-11-01T09:00:00Z&to=2026-11-01T17:00:00%2B01:00')).toEqual({
      from: '2026-11-01T09:00:00Z',
      to: '2026-11-01T17:00:00+01:00',
    })
  })
  test.each([
    'from=2026-11-31&to=2026-12-01',
    'from=2026-12-01&to=2026-11-01',
    'from=2026-11-01',
    'from=x&to=y',
  ])('falls back to the default for %s', (search) =>
    expect(parse(search)).toEqual({ preset: '30d' }),
  )
})

describe('withRange', () => {
  test('sets a preset and keeps other params', () => {
    const next = withRange(new URLSearchParams('from=2026-11-01&to=2026-11-02&team=3'), {
      preset: '90d',
    })
    expect(next.toString()).toBe('team=3&range=90d')
  })
  test('sets a custom range, dropping the preset', () => {
    const next = withRange(new URLSearchParams('range=7d'), {
      from: '2026-11-01',
      to: '2026-11-30',
    })
    expect(next.toString()).toBe('from=2026-11-01&to=2026-11-30')
  })
  test('round-trips through the URL', () => {
    for (const spec of [{ preset: '24h' as const }, { from: '2026-01-01', to: '2026-03-31' }]) {
      expect(parseRange(withRange(new URLSearchParams(), spec))).toEqual(spec)
    }
  })
})

describe('toApiQuery', () => {
  const now = new Date('2026-11-27T14:00:00Z')
  test('a preset is a window ending now', () => {
    expect(toApiQuery({ preset: '24h' }, now)).toEqual({ from: '2026-11-26T14:00:00.000Z' })
    expect(toApiQuery({ preset: '7d' }, now)).toEqual({ from: '2026-11-20T14:00:00.000Z' })
    expect(toApiQuery({ preset: '90d' }, now)).toEqual({ from: '2026-08-29T14:00:00.000Z' })
  })
  test('12 months is calendar months back', () => {
    expect(new Date(toApiQuery({ preset: '12m' }, now).from).getFullYear()).toBe(2025)
  })
  test('custom days go to the API as days', () => {
    expect(toApiQuery({ from: '2026-11-01', to: '2026-11-30' }, now)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
    })
  })
})

test('validateCustomRange explains what is wrong', () => {
  expect(validateCustomRange('2026-11-01', '2026-11-30')).toBeNull()
  expect(validateCustomRange('2026-11-01', '2026-11-01')).toBeNull()
  expect(validateCustomRange('', '2026-11-30')).toBe('Enter both dates')
  expect(validateCustomRange('2026-12-01', '2026-11-30')).toBe(
    'The start must not be after the end',
  )
  expect(validateCustomRange('2025-01-01', '2026-11-30')).toBe(
    'The range may span at most 400 days',
  )
})

test('describeRange', () => {
  expect(describeRange({ preset: '12m' })).toBe('Last 12 months')
  expect(describeRange({ from: '2026-11-01', to: '2026-11-30' })).toBe('1 Nov 2026 – 30 Nov 2026')
})
