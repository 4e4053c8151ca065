import { describe, expect, it } from 'vitest'
import {
  customPeriod,
  lastWholePeriod,
  periodOf,
  previousPeriod,
  trailingPeriods,
} from './period.ts'

const LONDON = 'Europe/London'
const HOUR = 3_600_000
const hours = (p: { from: Date; to: Date }) => (p.to.getTime() - p.from.getTime()) / HOUR

describe('report periods in the organisation’s time zone', () => {
  it('a month is its local midnights: March 2026 loses an hour to BST, October gains one', () => {
    const march = periodOf('month', '2026-03-18', LONDON)
    expect(march).toMatchObject({ firstDay: '2026-03-01', lastDay: '2026-03-31' })
    expect(march.label).toBe('March 2026')
    expect(march.from.toISOString()).toBe('2026-03-01T00:00:00.000Z') // GMT
    expect(march.to.toISOString()).toBe('2026-03-31T23:00:00.000Z') // 1 April, BST
    expect(hours(march)).toBe(31 * 24 - 1)
    const october = periodOf('month', '2026-10-01', LONDON)
    expect(october.from.toISOString()).toBe('2026-09-30T23:00:00.000Z')
    expect(october.to.toISOString()).toBe('2026-11-01T00:00:00.000Z')
    expect(hours(october)).toBe(31 * 24 + 1)
    // Another zone, another midnight: the same month in New York.
    const ny = periodOf('month', '2026-11-15', 'America/New_York')
    expect(ny.from.toISOString()).toBe('2026-11-01T04:00:00.000Z') // EDT until 1 Nov, 02:00
    expect(ny.to.toISOString()).toBe('2026-12-01T05:00:00.000Z')
  })

  it('quarters run Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec; the one before Q1 is last year’s Q4', () => {
    const q4 = periodOf('quarter', '2026-11-30', LONDON)
    expect(q4).toMatchObject({ firstDay: '2026-10-01', lastDay: '2026-12-31', label: 'Q4 2026' })
    const q1 = periodOf('quarter', '2027-02-14', LONDON)
    expect(previousPeriod(q1, LONDON)).toMatchObject({ firstDay: '2026-10-01', label: 'Q4 2026' })
  })

  it('weeks are ISO weeks, Monday first; week 53 of 2026 runs into 2027', () => {
    expect(periodOf('week', '2026-12-03', LONDON)).toMatchObject({
      firstDay: '2026-11-30',
      lastDay: '2026-12-06',
      label: 'Week 49, 2026',
    })
    const w53 = periodOf('week', '2027-01-01', LONDON)
    expect(w53).toMatchObject({ firstDay: '2026-12-28', lastDay: '2027-01-03' })
    expect(w53.label).toBe('Week 53, 2026')
    expect(previousPeriod(periodOf('week', '2027-01-04', LONDON), LONDON).label).toBe(
      'Week 53, 2026',
    )
  })

  it('compares a month with the month before, whatever their lengths', () => {
    const march = periodOf('month', '2026-03-01', LONDON)
    expect(previousPeriod(march, LONDON)).toMatchObject({
      firstDay: '2026-02-01',
      lastDay: '2026-02-28',
      label: 'February 2026',
    })
    // January compares with last December.
    expect(previousPeriod(periodOf('month', '2027-01-31', LONDON), LONDON).firstDay).toBe(
      '2026-12-01',
    )
  })

  it('compares custom days with as many days just before them', () => {
    const p = customPeriod('2026-11-10', '2026-11-23', LONDON)
    expect(p.label).toBe('10 Nov 2026 – 23 Nov 2026')
    expect(previousPeriod(p, LONDON)).toMatchObject({
      kind: 'custom',
      firstDay: '2026-10-27',
      lastDay: '2026-11-09',
    })
    // One day across the clock change: 25 hours, and the day before it 24.
    const day = customPeriod('2026-10-25', '2026-10-25', LONDON)
    expect(hours(day)).toBe(25)
    expect(hours(previousPeriod(day, LONDON))).toBe(24)
  })

  it('a trend is the last N periods, oldest first, and the default is the last whole one', () => {
    const nov = periodOf('month', '2026-11-01', LONDON)
    expect(trailingPeriods(nov, 6, LONDON).map((p) => p.label)).toEqual([
      'June 2026',
      'July 2026',
      'August 2026',
      'September 2026',
      'October 2026',
      'November 2026',
    ])
    expect(lastWholePeriod('month', '2026-12-03', LONDON).label).toBe('November 2026')
    expect(lastWholePeriod('quarter', '2026-12-03', LONDON).label).toBe('Q3 2026')
    expect(lastWholePeriod('week', '2026-12-03', LONDON).firstDay).toBe('2026-11-23')
  })
})
