import { describe, expect, it } from 'vitest'
import { resolveRange } from './range.ts'

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
