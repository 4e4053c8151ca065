import { ratio } from './ratio.ts'

export type CapacityInput = {
  contractedHoursPerWeek: number
  workingDaysPerWeek?: number
  // Working days lost in the week; a day of leave on a bank holiday is counted once, by the caller.
  bankHolidayDays: number
  timeOffDays: number
}

function assertHours(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be >= 0`)
}

// Hours a person can work in a week: each day lost takes out one working day's share of the
// contracted hours (37.5 h over 5 days = 7.5 h a day). Never below 0.
export function effectiveCapacity(input: CapacityInput): number {
  const { contractedHoursPerWeek, bankHolidayDays, timeOffDays } = input
  const workingDays = input.workingDaysPerWeek ?? 5
  assertHours('contractedHoursPerWeek', contractedHoursPerWeek)
  assertHours('bankHolidayDays', bankHolidayDays)
  assertHours('timeOffDays', timeOffDays)
  if (!(workingDays > 0 && workingDays <= 7)) {
    throw new RangeError(`workingDaysPerWeek must be in (0, 7], got ${workingDays}`)
  }
  const hoursPerDay = contractedHoursPerWeek / workingDays
  return Math.max(0, contractedHoursPerWeek - (bankHolidayDays + timeOffDays) * hoursPerDay)
}

// n/a when there is no capacity at all: use overAllocatedHours to see work booked into that week.
export function utilization(allocatedHours: number, effectiveHours: number): number | null {
  return ratio(allocatedHours, effectiveHours)
}

// Over 100% in a week. Hours split by working days are rarely exact in binary, so allow 1e-9.
export function isOverAllocated(utilization: number | null): boolean {
  return utilization !== null && utilization > 1 + 1e-9
}

export function overAllocatedHours(allocatedHours: number, effectiveHours: number): number {
  return Math.max(0, allocatedHours - effectiveHours)
}

// Allocation kinds as stored, plus incident hours taken out of capacity. Run = keeping the lights
// on (run, support, incidents); change = project work.
export type WorkKind = 'project' | 'run' | 'support' | 'incident'

export type RunChangeSplit = {
  runHours: number
  changeHours: number
  runShare: number | null
  changeShare: number | null
}

export function runChangeSplit(hoursByKind: Partial<Record<WorkKind, number>>): RunChangeSplit {
  for (const [kind, hours] of Object.entries(hoursByKind)) assertHours(kind, hours)
  const runHours = (hoursByKind.run ?? 0) + (hoursByKind.support ?? 0) + (hoursByKind.incident ?? 0)
  const changeHours = hoursByKind.project ?? 0
  const total = runHours + changeHours
  return {
    runHours,
    changeHours,
    runShare: ratio(runHours, total),
    changeShare: ratio(changeHours, total),
  }
}
