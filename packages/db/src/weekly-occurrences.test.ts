import { describe, expect, it } from 'vitest'
import { wallClockInstant, type WeeklySchedule, weeklyOccurrences } from './weekly-occurrences.ts'

const HOUR_MS = 3_600_000
const iso = (d: Date) => d.toISOString().replace(':00.000Z', 'Z')

// "Sundays 02:00–04:00 Europe/London". BST runs from 01:00 UTC on 29 March to 01:00 UTC on
// 25 October 2026.
const sundays: WeeklySchedule = {
  isoWeekday: 7,
  localStart: '02:00:00',
  durationMinutes: 120,
  timezone: 'Europe/London',
  startsOn: '2026-03-01',
  endsOn: null,
}

describe('weeklyOccurrences', () => {
  it('keeps 02:00 London time across both BST changes: 02:00 UTC in GMT, 01:00 UTC in BST', () => {
    const all = weeklyOccurrences(
      sundays,
      new Date('2026-03-01T00:00Z'),
      new Date('2026-11-09T00:00Z'),
    )
    expect(all).toHaveLength(37) // every Sunday from 1 March to 8 November
    for (const o of all) expect(o.endsAt.getTime() - o.startsAt.getTime()).toBe(2 * HOUR_MS)
    const starts = all.map((o) => iso(o.startsAt))
    expect(starts.slice(0, 6)).toEqual([
      '2026-03-01T02:00Z',
      '2026-03-08T02:00Z',
      '2026-03-15T02:00Z',
      '2026-03-22T02:00Z',
      '2026-03-29T01:00Z', // the first BST Sunday: the clocks went forward at 01:00 UTC
      '2026-04-05T01:00Z',
    ])
    expect(starts.slice(-4)).toEqual([
      '2026-10-18T01:00Z',
      '2026-10-25T02:00Z', // back at 01:00 UTC, an hour before: 02:00 is GMT again
      '2026-11-01T02:00Z',
      '2026-11-08T02:00Z',
    ])
    const bst = starts.filter((s) => s.endsWith('T01:00Z'))
    expect(bst).toHaveLength(30) // 29 March … 18 October
  })

  it('counts from inclusive and to exclusive, within startsOn and endsOn (inclusive days)', () => {
    const s = { ...sundays, startsOn: '2026-03-08', endsOn: '2026-03-29' }
    const starts = (from: string, to: string) =>
      weeklyOccurrences(s, new Date(from), new Date(to)).map((o) => iso(o.startsAt))
    expect(starts('2026-01-01T00:00Z', '2027-01-01T00:00Z')).toEqual([
      '2026-03-08T02:00Z',
      '2026-03-15T02:00Z',
      '2026-03-22T02:00Z',
      '2026-03-29T01:00Z',
    ])
    expect(starts('2026-03-15T02:00Z', '2026-03-29T01:00Z')).toEqual([
      '2026-03-15T02:00Z',
      '2026-03-22T02:00Z',
    ])
    expect(starts('2026-03-15T02:01Z', '2026-03-22T02:00Z')).toEqual([])
  })

  it('lasts its minutes of elapsed time through a clock change', () => {
    // 00:30 GMT for 3 h on 29 March ends at 03:30 UTC, which London's clocks call 04:30.
    const s = { ...sundays, localStart: '00:30', durationMinutes: 180 }
    const [o] = weeklyOccurrences(s, new Date('2026-03-29T00:00Z'), new Date('2026-03-30T00:00Z'))
    expect([iso(o!.startsAt), iso(o!.endsAt)]).toEqual(['2026-03-29T00:30Z', '2026-03-29T03:30Z'])
  })

  it('works in a zone whose offset is not whole hours, and finds the local weekday', () => {
    // Monday 09:15 in Kolkata (UTC+05:30) is Monday 03:45 UTC.
    const s = { ...sundays, isoWeekday: 1, localStart: '09:15', timezone: 'Asia/Kolkata' }
    const o = weeklyOccurrences(s, new Date('2026-06-01T00:00Z'), new Date('2026-06-09T00:00Z'))
    expect(o.map((x) => iso(x.startsAt))).toEqual(['2026-06-01T03:45Z', '2026-06-08T03:45Z'])
    // Saturday 23:30 in Auckland (UTC+12 in June) is Saturday 11:30 UTC.
    const nz = { ...s, isoWeekday: 6, localStart: '23:30', timezone: 'Pacific/Auckland' }
    const p = weeklyOccurrences(nz, new Date('2026-06-01T00:00Z'), new Date('2026-06-09T00:00Z'))
    expect(p.map((x) => iso(x.startsAt))).toEqual(['2026-06-06T11:30Z'])
  })
})

describe('wallClockInstant', () => {
  it('moves a start in the spring-forward gap on by the gap', () => {
    // London skips 01:00–02:00 on 29 March: 01:30 is read as 01:30 GMT, i.e. 02:30 BST.
    expect(iso(wallClockInstant('2026-03-29', '01:30', 'Europe/London'))).toBe('2026-03-29T01:30Z')
    // New York skips 02:00–03:00 on 8 March: 02:30 EST is 03:30 EDT.
    expect(iso(wallClockInstant('2026-03-08', '02:30', 'America/New_York'))).toBe(
      '2026-03-08T07:30Z',
    )
  })

  it('takes the first of the two instants of a fall-back hour', () => {
    // 01:30 happens twice in London on 25 October: first in BST (00:30 UTC), then in GMT.
    expect(iso(wallClockInstant('2026-10-25', '01:30', 'Europe/London'))).toBe('2026-10-25T00:30Z')
    expect(iso(wallClockInstant('2026-11-01', '01:30', 'America/New_York'))).toBe(
      '2026-11-01T05:30Z',
    )
  })

  it('reads ordinary times with the day’s own offset', () => {
    expect(iso(wallClockInstant('2026-10-25', '02:00', 'Europe/London'))).toBe('2026-10-25T02:00Z')
    expect(iso(wallClockInstant('2026-10-25', '00:59', 'Europe/London'))).toBe('2026-10-24T23:59Z')
    expect(iso(wallClockInstant('2026-07-01', '12:00:00', 'UTC'))).toBe('2026-07-01T12:00Z')
  })
})
