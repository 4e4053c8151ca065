import { describe, expect, it } from 'vitest'
import { lastLocalDays } from './local-days.ts'
import { daysWithin, stripOf, sumOfDays } from './strip.ts'

// 3 days of Europe/London ending on Monday 26 October 2026: the clocks went back on the Sunday,
// a 25-hour day.
const days = lastLocalDays(new Date('2026-10-26T12:00:00Z'), 'Europe/London', 3)
const counts = [
  { up: 10, degraded: 0, down: 0, maintenance: 0 },
  { up: 20, degraded: 2, down: 3, maintenance: 1 },
  { up: 5, degraded: 0, down: 5, maintenance: 0 },
]

describe('the strip', () => {
  it('finds the days a span holds whole, across a clock change', () => {
    expect(days.map((d) => d.day)).toEqual(['2026-10-24', '2026-10-25', '2026-10-26'])
    // Saturday 00:00 BST (23:00 UTC on the 23rd) to Monday 00:00 GMT: Saturday and Sunday.
    const span = { from: new Date('2026-10-23T23:00:00Z'), to: new Date('2026-10-26T00:00:00Z') }
    expect(daysWithin(days, span)).toEqual([0, 2])
    // Starting an hour into Saturday leaves it out; an empty span holds nothing.
    expect(daysWithin(days, { ...span, from: new Date('2026-10-24T00:00:00Z') })).toEqual([1, 2])
    expect(daysWithin(days, { from: span.to, to: span.to })).toEqual([2, 2])
  })

  it('adds up the counts of those days, and gives each day its uptime', () => {
    expect(sumOfDays(counts, [0, 2])).toEqual({ up: 30, degraded: 2, down: 3, maintenance: 1 })
    expect(sumOfDays(undefined, [0, 2])).toEqual({ up: 0, degraded: 0, down: 0, maintenance: 0 })
    // (20 + 2) / 25 on Sunday; a service without rows has no data.
    expect(stripOf(counts, days)).toEqual([1, 22 / 25, 0.5])
    expect(stripOf(undefined, days)).toEqual([null, null, null])
  })
})
