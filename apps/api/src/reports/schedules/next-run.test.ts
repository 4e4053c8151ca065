import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadScheduleCalendar, nextRunAfter, periodOfRun } from './next-run.ts'

const LONDON = 'Europe/London'
const ENGLAND = {
  timezone: LONDON,
  holidays: new Set(['2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29']),
}
const at = (iso: string) => new Date(iso)
const next = (kind: 'week' | 'month' | 'quarter', after: string, time = '08:00') =>
  nextRunAfter(kind, time, at(after), ENGLAND).toISOString()

describe('the next run of a schedule', () => {
  it('is the first working day of the next month: 1 January 2027 is a bank holiday, so Mon 4th', () => {
    // Fri 1 Jan is New Year's Day, then a weekend: Monday 4 January at 08:00 GMT.
    expect(next('month', '2026-12-01T08:00:00Z')).toBe('2027-01-04T08:00:00.000Z')
    expect(periodOfRun('month', at('2027-01-04T08:00:00Z'), LONDON)).toMatchObject({
      firstDay: '2026-12-01',
      lastDay: '2026-12-31',
      label: 'December 2026',
    })
  })

  it('keeps the local time across BST: 08:00 London is 07:00 UTC in summer', () => {
    expect(next('month', '2027-06-15T12:00:00Z')).toBe('2027-07-01T07:00:00.000Z')
    // The first run after the clocks go back is 08:00 GMT again (Mon 1 Nov 2027).
    expect(next('month', '2027-10-01T07:00:00Z')).toBe('2027-11-01T08:00:00.000Z')
    // Another zone, its own clock change: 09:30 New York on Mon 2 Nov 2026 is EST.
    const ny = { timezone: 'America/New_York', holidays: new Set<string>() }
    const run = nextRunAfter('month', '09:30', at('2026-10-15T00:00:00Z'), ny)
    expect(run.toISOString()).toBe('2026-11-02T14:30:00.000Z')
  })

  it('runs today when the first working day of the current period is still to come', () => {
    // Thu 1 Oct 2026, 06:00 London (05:00 UTC): the run at 08:00 is later that morning.
    expect(next('month', '2026-10-01T05:00:00Z')).toBe('2026-10-01T07:00:00.000Z')
    // One second after it, the next is November's: Mon 2 Nov (1 Nov is a Sunday).
    expect(next('month', '2026-10-01T07:00:01Z')).toBe('2026-11-02T08:00:00.000Z')
  })

  it('for a quarter, the first working day of January, April, July or October', () => {
    expect(next('quarter', '2026-11-20T10:00:00Z')).toBe('2027-01-04T08:00:00.000Z')
    expect(periodOfRun('quarter', at('2027-01-04T08:00:00Z'), LONDON).label).toBe('Q4 2026')
    // April 2027: Thursday 1st, in BST.
    expect(next('quarter', '2027-01-04T08:00:00Z')).toBe('2027-04-01T07:00:00.000Z')
  })

  it('for a week, Monday, or the next working day when Monday is a bank holiday', () => {
    expect(next('week', '2026-12-03T10:00:00Z')).toBe('2026-12-07T08:00:00.000Z')
    // Mon 28 Dec 2026 is the Boxing Day substitute: Tuesday 29th.
    expect(next('week', '2026-12-21T09:00:00Z')).toBe('2026-12-29T08:00:00.000Z')
    // Easter 2027: Mon 29 March is a holiday; the week's run is Tuesday 30 March, in BST.
    expect(next('week', '2027-03-23T09:00:00Z', '07:15')).toBe('2027-03-30T06:15:00.000Z')
    expect(periodOfRun('week', at('2027-03-30T06:15:00Z'), LONDON)).toMatchObject({
      firstDay: '2027-03-22',
      lastDay: '2027-03-28',
    })
  })
})

describe('the calendar a schedule reads', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(() => database.drop())

  it('is the organisation’s zone and its own region’s bank holidays', async () => {
    const { db } = database
    // The migrations hold each region's bank holidays: Scotland's 2 January moves to Monday 4th.
    await db
      .insertInto('bankHolidays')
      .values([
        { region: 'GB-ENG', day: '2027-01-01', name: 'New Year’s Day' },
        { region: 'GB-SCT', day: '2027-01-04', name: '2nd January (substitute day)' },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute()
    await db.updateTable('organisationSettings').set({ bankHolidayRegion: 'GB-SCT' }).execute()
    const scotland = await loadScheduleCalendar(db, at('2026-12-10T00:00:00Z'))
    expect(scotland.timezone).toBe(LONDON)
    // Scotland also takes Mon 4 January 2027 off: Tuesday 5th.
    const run = nextRunAfter('month', '08:00:00', at('2026-12-10T00:00:00Z'), scotland)
    expect(run.toISOString()).toBe('2027-01-05T08:00:00.000Z')
  })
})
