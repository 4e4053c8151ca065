import { describe, expect, it } from 'vitest'
import { addWorkingDays, asOfDay, isoWeekOf, localDay } from './calendar.ts'

const at = (iso: string) => new Date(iso)

describe('calendar', () => {
  it('names the local day, not the UTC one', () => {
    // 23:30Z on 31 May is 00:30 on 1 June in London (BST), still 31 May in New York.
    expect(localDay(at('2026-05-31T23:30:00Z'), 'Europe/London')).toBe('2026-06-01')
    expect(localDay(at('2026-05-31T23:30:00Z'), 'America/New_York')).toBe('2026-05-31')
  })

  it('starts the ISO week on the local Monday', () => {
    // Sunday 8 November 23:30 in New York is already Monday 9 November in London.
    expect(isoWeekOf(at('2026-11-09T04:30:00Z'), 'America/New_York')).toBe('2026-11-02')
    expect(isoWeekOf(at('2026-11-09T04:30:00Z'), 'Europe/London')).toBe('2026-11-09')
  })

  it('reads a past range as of its last day and a range into the future as of today', () => {
    const october = { from: at('2026-09-30T23:00:00Z'), to: at('2026-11-01T00:00:00Z') }
    expect(asOfDay(october, at('2026-11-04T12:00:00Z'), 'Europe/London')).toBe('2026-10-31')
    expect(asOfDay(october, at('2026-10-15T12:00:00Z'), 'Europe/London')).toBe('2026-10-15')
  })

  it('counts working days after a day, skipping weekends and the bank holidays given', () => {
    const none = new Set<string>()
    // Monday 7 September 2026 + 5: Tuesday to Friday, then Monday 14.
    expect(addWorkingDays('2026-09-07', 5, none)).toBe('2026-09-14')
    // From a Saturday: Monday is the first.
    expect(addWorkingDays('2026-09-05', 1, none)).toBe('2026-09-07')
    expect(addWorkingDays('2026-09-05', 0, none)).toBe('2026-09-05')
    // Christmas 2026 in England: Friday 25 and Monday 28 December (Boxing Day's substitute), Friday
    // 1 January. From Wednesday 23: 24, 29, 30, 31 December, then Monday 4 January.
    const england = new Set(['2026-12-25', '2026-12-28', '2027-01-01'])
    expect(addWorkingDays('2026-12-23', 5, england)).toBe('2027-01-04')
    // Across the clocks going forward (29 March 2026 in Europe): whole days, whatever the zone.
    expect(addWorkingDays('2026-03-27', 1, none)).toBe('2026-03-30')
    expect(() => addWorkingDays('2026-09-07', -1, none)).toThrow(RangeError)
  })
})
