import {
  addDays,
  type AllocationSpan,
  emptyTotals,
  personDays,
  type WorkingPattern,
} from './capacity-days.ts'

// Shared by the capacity tests (capacity-days.test.ts, capacity-teams.test.ts). Worked examples
// are in the week of Monday 7 September 2026 (7–13 Sep) unless said otherwise, for a full-timer
// on 37.5 hours over Monday–Friday: 7.5 hours a working day.

export const FULL: WorkingPattern = {
  contractedHoursPerWeek: 37.5,
  workingDays: [1, 2, 3, 4, 5],
  startDate: null,
  endDate: null,
}
export const WEEK = { from: '2026-09-07', to: '2026-09-13' }
export const none = new Set<string>()
export const alloc = (over: Partial<AllocationSpan>): AllocationSpan => ({
  firstDay: '2026-01-01',
  lastDay: '2026-12-31',
  hoursPerWeek: 37.5,
  status: 'confirmed',
  kind: 'project',
  ...over,
})

/** One person's days over `range` (the week by default) and their totals. */
export function week(args: Partial<Parameters<typeof personDays>[0]>, range = WEEK) {
  const days = personDays({
    person: FULL,
    ...range,
    holidays: none,
    closures: none,
    timeOff: [],
    allocations: [],
    ...args,
  })
  return { days, totals: addDays(emptyTotals(), days) }
}
