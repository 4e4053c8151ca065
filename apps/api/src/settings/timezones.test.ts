import { describe, expect, it } from 'vitest'
import { timezoneProblem } from './timezones.ts'

describe('timezoneProblem', () => {
  it.each(['Europe/London', 'America/New_York', 'UTC', 'Australia/Sydney', 'Pacific/Auckland'])(
    'accepts %s, whose offsets are whole hours',
    (zone) => expect(timezoneProblem(zone)).toBeNull(),
  )

  it('accepts the current names ICU lists under an older alias', () => {
    expect(timezoneProblem('Europe/Kyiv')).toBeNull()
    expect(timezoneProblem('Europe/Kiev')).toBeNull()
  })

  it.each([
    ['Asia/Kolkata', 'UTC+05:30'],
    ['America/St_Johns', 'UTC-03:30'],
    ['Asia/Kathmandu', 'UTC+05:45'],
    // UTC+10:30 in winter, with daylight saving of 30 minutes.
    ['Australia/Lord_Howe', 'UTC+10:30'],
    // Whole hours today, but UTC−04:30 from 2007 to 2016: its old days would start mid-hour.
    ['America/Caracas', 'UTC-04:30'],
  ])('refuses %s, naming the zone and its offset', (zone, offset) => {
    const problem = timezoneProblem(zone)
    expect(problem).toContain(zone)
    expect(problem).toContain(offset)
    expect(problem).toMatch(/whole number of hours/)
  })

  it.each(['Mars/Olympus_Mons', 'europe/london', '+01:00', 'Etc/GMT+5 ', '', 'London'])(
    'refuses %j as not an IANA zone',
    (zone) => expect(timezoneProblem(zone)).toMatch(/not an IANA time zone/),
  )
})
