import { describe, expect, it } from 'vitest'
import { rollupSpans } from './rollup-spans.ts'

const span = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) })

describe('rollupSpans', () => {
  it('reads whole London days from the daily rollup and the edges from the hourly one', () => {
    // 9 Oct 15:30 BST to 12 Oct 09:00 BST: whole days 10 and 11 October.
    expect(
      rollupSpans(span('2026-10-09T14:30:00Z', '2026-10-12T08:00:00Z'), 'Europe/London'),
    ).toEqual({
      hourlyBefore: span('2026-10-09T14:00:00Z', '2026-10-09T23:00:00Z'),
      daily: span('2026-10-09T23:00:00Z', '2026-10-11T23:00:00Z'),
      hourlyAfter: span('2026-10-11T23:00:00Z', '2026-10-12T08:00:00Z'),
    })
  })

  it('needs no hourly rows for a range of whole days, across the clock change', () => {
    expect(
      rollupSpans(span('2026-09-30T23:00:00Z', '2026-11-01T00:00:00Z'), 'Europe/London'),
    ).toEqual({
      hourlyBefore: span('2026-09-30T23:00:00Z', '2026-09-30T23:00:00Z'),
      daily: span('2026-09-30T23:00:00Z', '2026-11-01T00:00:00Z'),
      hourlyAfter: span('2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z'),
    })
  })

  it('uses hourly rows alone for a range inside one day', () => {
    const r = rollupSpans(span('2026-10-10T10:00:00Z', '2026-10-10T12:00:00Z'), 'Europe/London')
    expect(r.hourlyBefore).toEqual(span('2026-10-10T10:00:00Z', '2026-10-10T12:00:00Z'))
    expect(r.daily.from).toEqual(r.daily.to)
    expect(r.hourlyAfter.from).toEqual(r.hourlyAfter.to)
  })
})
