import { describe, expect, it } from 'vitest'
import {
  addDays,
  type AllocationSpan,
  emptyTotals,
  personDays,
  type TimeOffSpan,
  type WorkingPattern,
} from './capacity-days.ts'
import { personWeekRisk, projectShortOfPeople } from './project-capacity-risk.ts'

// Worked examples in Christmas week 2026 (Monday 21 – Sunday 27 December; Friday 25th a bank
// holiday, so 4 working days) unless said otherwise, for a full-timer on 37.5 hours, Mon–Fri.
const FULL: WorkingPattern = {
  contractedHoursPerWeek: 37.5,
  workingDays: [1, 2, 3, 4, 5],
  startDate: null,
  endDate: null,
}
const XMAS = { from: '2026-12-21', to: '2026-12-27' }
const booking = (hoursPerWeek: number, status: AllocationSpan['status'] = 'confirmed') => ({
  firstDay: '2026-01-01',
  lastDay: '2027-12-31',
  hoursPerWeek,
  status,
  kind: 'project' as const,
})

function risk(args: {
  person?: WorkingPattern
  allocations?: AllocationSpan[]
  timeOff?: TimeOffSpan[]
  range?: { from: string; to: string }
}) {
  const days = personDays({
    person: args.person ?? FULL,
    ...(args.range ?? XMAS),
    holidays: new Set(['2026-12-25']),
    closures: new Set(),
    timeOff: args.timeOff ?? [],
    allocations: args.allocations ?? [],
  })
  return personWeekRisk(addDays(emptyTotals(), days))
}

describe('a person’s week as a risk to their projects', () => {
  it('is over-booked above 110% of effective capacity, confirmed work only', () => {
    // 4 days × 7.5 = 30 h. 45 h a week books 9 h a day: 36 / 30 = 120%.
    expect(risk({ allocations: [booking(45)] })).toEqual({ overbooked: true, away: false })
    // 41.25 h a week: 33 / 30 = 110% exactly, not above.
    expect(risk({ allocations: [booking(41.25)] }).overbooked).toBe(false)
    // Tentative work is a what-if, not a risk.
    expect(risk({ allocations: [booking(45, 'tentative')] }).overbooked).toBe(false)
  })

  it('counts leave from half the week’s capacity: 2 of 4 days is, 1 is not', () => {
    const day = (d: string): TimeOffSpan => ({ firstDay: d, lastDay: d })
    expect(risk({ timeOff: [day('2026-12-21')] }).away).toBe(false) // 7.5 of 30 h: 25%
    expect(risk({ timeOff: [{ firstDay: '2026-12-21', lastDay: '2026-12-22' }] }).away).toBe(true)
    // 1.5 days: 11.25 of 30 h.
    expect(
      risk({ timeOff: [day('2026-12-21'), { ...day('2026-12-22'), halfDay: true }] }).away,
    ).toBe(false)
    // Leave on the bank holiday takes nothing off.
    expect(risk({ timeOff: [day('2026-12-24'), day('2026-12-25')] }).away).toBe(false)
  })

  it('weighs a part-timer’s day by their own week', () => {
    // 22.5 h over Mon–Wed: one day off of three is a third; two are two thirds.
    const part = { ...FULL, contractedHoursPerWeek: 22.5, workingDays: [1, 2, 3] }
    const week = { from: '2027-01-11', to: '2027-01-17' }
    expect(
      risk({
        person: part,
        range: week,
        timeOff: [{ firstDay: '2027-01-11', lastDay: '2027-01-11' }],
      }).away,
    ).toBe(false)
    expect(
      risk({
        person: part,
        range: week,
        timeOff: [{ firstDay: '2027-01-11', lastDay: '2027-01-12' }],
      }).away,
    ).toBe(true)
  })

  it('a week of leave with work booked is both over-booked (a conflict) and away', () => {
    const allOff = { firstDay: '2026-12-21', lastDay: '2026-12-24' }
    expect(risk({ allocations: [booking(20)], timeOff: [allOff] })).toEqual({
      overbooked: true,
      away: true,
    })
    // Not employed that week: no capacity, no risk.
    const left = { ...FULL, endDate: '2026-12-18' }
    expect(risk({ person: left })).toEqual({ overbooked: false, away: false })
  })
})

describe('a project short of people in a week', () => {
  it('is when at least half of those booked on it are away', () => {
    expect(projectShortOfPeople(6, 3)).toBe(true)
    expect(projectShortOfPeople(6, 2)).toBe(false)
    expect(projectShortOfPeople(5, 2)).toBe(false)
    expect(projectShortOfPeople(5, 3)).toBe(true)
    // Its only person away.
    expect(projectShortOfPeople(1, 1)).toBe(true)
    expect(projectShortOfPeople(0, 0)).toBe(false)
  })
})
