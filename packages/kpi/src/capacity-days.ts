import { dayNumber } from './calendar.ts'
import { ratio } from './ratio.ts'

// How bookings meet the calendar, decided once (DESIGN.md "Capacity"), worked day by day:
// - A person works the ISO weekdays of their pattern while employed (start to leave date, both
//   inclusive); the contracted hours are spread evenly over the pattern's days.
// - Bank holidays (of the person's region) and the organisation's closure days are not working
//   days: nothing is booked on them, so they lower both capacity and the booking.
// - Time off lowers capacity only. Work booked over leave stays booked and shows as a conflict
//   (booked above effective capacity) for the manager to move.
// - An allocation of H hours a week (or P% of the contracted hours) books H / pattern days on each
//   working day in its range.

export const ALLOCATION_KINDS = ['project', 'run', 'support'] as const
export type AllocationKind = (typeof ALLOCATION_KINDS)[number]
export type AllocationStatus = 'confirmed' | 'tentative'

export interface WorkingPattern {
  contractedHoursPerWeek: number
  /** ISO weekdays worked, Monday 1 … Sunday 7. */
  workingDays: readonly number[]
  /** First day employed; null when not recorded (employed throughout). */
  startDate: string | null
  /** Last day employed (the leave date); null while employed. */
  endDate: string | null
}

export interface TimeOffSpan {
  firstDay: string
  lastDay: string
  /** Half of one day (firstDay = lastDay). */
  halfDay?: boolean
}

export interface AllocationSpan {
  firstDay: string
  lastDay: string
  /** Hours a week; or, when null, `percent` of the contracted hours. */
  hoursPerWeek: number | null
  percent?: number | null
  status: AllocationStatus
  kind: AllocationKind
}

export type Hours = Record<AllocationKind, number>

/** Why a day has no capacity; null on a working day. */
export type DayOff = 'rest_day' | 'bank_holiday' | 'closure' | 'not_employed'

export interface PersonDay {
  day: string
  /** ISO weekday, Monday 1 … Sunday 7. */
  weekday: number
  dayOff: DayOff | null
  /** The contracted hours of this day: 0 when it is no working day. */
  capacity: number
  /** The share of the day taken as time off: 0, 0.5 or 1. */
  off: number
  /** Capacity less time off. */
  effective: number
  booked: Record<AllocationStatus, Hours>
}

const DAY_MS = 86_400_000
// Each person's every day is named: the same few hundred days for everyone, so each is made once.
const isoDays = new Map<number, string>()
function isoDay(n: number): string {
  let day = isoDays.get(n)
  if (day === undefined) {
    day = new Date(n * DAY_MS).toISOString().slice(0, 10)
    if (isoDays.size >= 100_000) isoDays.clear()
    isoDays.set(n, day)
  }
  return day
}
/** ISO weekday of a day number (day 0, 1970-01-01, was a Thursday). */
const weekdayOf = (n: number) => ((((n + 3) % 7) + 7) % 7) + 1

function assertHours(name: string, value: number) {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be >= 0`)
}

/** The hours a week an allocation books: its hours, or its percent of the contracted hours. */
export function weeklyHours(a: AllocationSpan, contractedHoursPerWeek: number): number {
  const hours = a.hoursPerWeek ?? ((a.percent ?? 0) / 100) * contractedHoursPerWeek
  assertHours('allocation hours', hours)
  return hours
}

/** The hours of one working day: contracted hours / pattern days (37.5 over 5 = 7.5). */
export function hoursPerWorkingDay(person: WorkingPattern): number {
  assertHours('contractedHoursPerWeek', person.contractedHoursPerWeek)
  const days = new Set(person.workingDays)
  for (const d of days) {
    if (!Number.isInteger(d) || d < 1 || d > 7) throw new RangeError(`not an ISO weekday: ${d}`)
  }
  return days.size === 0 ? 0 : person.contractedHoursPerWeek / days.size
}

const noHours = (): Hours => ({ project: 0, run: 0, support: 0 })

/** Each day from `from` to `to` (inclusive) of one person: capacity, time off and bookings. */
export function personDays(args: {
  person: WorkingPattern
  from: string
  to: string
  /** Bank holidays of the person's region. */
  holidays: ReadonlySet<string>
  closures: ReadonlySet<string>
  timeOff: readonly TimeOffSpan[]
  allocations: readonly AllocationSpan[]
}): PersonDay[] {
  const { person } = args
  const perDay = hoursPerWorkingDay(person)
  const pattern = new Set(person.workingDays)
  const start = person.startDate === null ? -Infinity : dayNumber(person.startDate)
  const end = person.endDate === null ? Infinity : dayNumber(person.endDate)
  const offs = args.timeOff.map((t) => ({
    first: dayNumber(t.firstDay),
    last: dayNumber(t.lastDay),
    share: t.halfDay ? 0.5 : 1,
  }))
  const bookings = args.allocations.map((a) => ({
    first: dayNumber(a.firstDay),
    last: dayNumber(a.lastDay),
    status: a.status,
    kind: a.kind,
    perDay: pattern.size === 0 ? 0 : weeklyHours(a, person.contractedHoursPerWeek) / pattern.size,
  }))
  const out: PersonDay[] = []
  for (let n = dayNumber(args.from), last = dayNumber(args.to); n <= last; n++) {
    const day = isoDay(n)
    const weekday = weekdayOf(n)
    const dayOff: DayOff | null =
      n < start || n > end
        ? 'not_employed'
        : !pattern.has(weekday)
          ? 'rest_day'
          : args.holidays.has(day)
            ? 'bank_holiday'
            : args.closures.has(day)
              ? 'closure'
              : null
    const capacity = dayOff === null ? perDay : 0
    // Two half days off on one day make a whole one; leave on a day off takes nothing off.
    const off = Math.min(
      1,
      offs.reduce((s, o) => (n >= o.first && n <= o.last ? s + o.share : s), 0),
    )
    const booked = { confirmed: noHours(), tentative: noHours() }
    if (dayOff === null) {
      for (const b of bookings)
        if (n >= b.first && n <= b.last) booked[b.status][b.kind] += b.perDay
    }
    out.push({ day, weekday, dayOff, capacity, off, effective: capacity * (1 - off), booked })
  }
  return out
}

export interface CapacityTotals {
  /** Contracted hours of the working days (after bank holidays, closures and employment). */
  capacity: number
  /** Hours of time off taken from that capacity. */
  timeOff: number
  /** capacity − time off. */
  effective: number
  booked: Record<AllocationStatus, Hours>
  /** Hours booked on days (or half days) of time off: the conflicts to move. */
  bookedOverLeave: number
}

export const emptyTotals = (): CapacityTotals => ({
  capacity: 0,
  timeOff: 0,
  effective: 0,
  booked: { confirmed: noHours(), tentative: noHours() },
  bookedOverLeave: 0,
})

/** Adds days (or other totals) into `into`; team and organisation figures are sums of people's. */
export function addDays(into: CapacityTotals, days: readonly PersonDay[]): CapacityTotals {
  for (const d of days) {
    into.capacity += d.capacity
    into.timeOff += d.capacity * d.off
    into.effective += d.effective
    for (const status of ['confirmed', 'tentative'] as const) {
      for (const kind of ALLOCATION_KINDS) into.booked[status][kind] += d.booked[status][kind]
    }
    const booked = total(d.booked.confirmed) + total(d.booked.tentative)
    into.bookedOverLeave += booked * d.off
  }
  return into
}

export function addTotals(into: CapacityTotals, add: CapacityTotals): CapacityTotals {
  into.capacity += add.capacity
  into.timeOff += add.timeOff
  into.effective += add.effective
  for (const status of ['confirmed', 'tentative'] as const) {
    for (const kind of ALLOCATION_KINDS) into.booked[status][kind] += add.booked[status][kind]
  }
  into.bookedOverLeave += add.bookedOverLeave
  return into
}

const total = (h: Hours) => h.project + h.run + h.support

/** Booked hours: confirmed, or confirmed and tentative (the what-if). */
export function bookedHours(t: CapacityTotals, includeTentative: boolean): Hours {
  const c = t.booked.confirmed
  if (!includeTentative) return { ...c }
  const p = t.booked.tentative
  return { project: c.project + p.project, run: c.run + p.run, support: c.support + p.support }
}

// Hours split over working days are rarely exact in binary: within this they are equal.
const EPSILON = 1e-9

export interface Utilization {
  booked: number
  effective: number
  /** booked / effective; null (n/a) when there is no effective capacity. */
  utilization: number | null
  /** effective − booked, never below 0. */
  freeHours: number
  /** booked − effective, never below 0. */
  overHours: number
  /** Booked above effective capacity (also when there is none, e.g. a week of leave). */
  overAllocated: boolean
}

/** Utilization of one person's (or a sum of people's) week. */
export function utilizationOf(t: CapacityTotals, includeTentative = false): Utilization {
  const booked = total(bookedHours(t, includeTentative))
  const over = booked - t.effective
  return {
    booked,
    effective: t.effective,
    utilization: ratio(booked, t.effective),
    freeHours: Math.max(0, -over),
    overHours: over > EPSILON ? over : 0,
    overAllocated: over > EPSILON,
  }
}

/**
 * Incident toil of one person on one day: the hours they commanded incidents (the union of
 * acknowledged → resolved, within the local day) capped at their working day, plus the hours they
 * logged as a responder. Taken off focus capacity, not off the booking.
 */
export function incidentToil(args: {
  commandedHours: number
  loggedHours: number
  hoursPerWorkingDay: number
}): number {
  assertHours('commandedHours', args.commandedHours)
  assertHours('loggedHours', args.loggedHours)
  return Math.min(args.commandedHours, args.hoursPerWorkingDay) + args.loggedHours
}

/** Effective capacity less incident toil, never below 0: the hours left for planned work. */
export const focusCapacity = (effective: number, toil: number) => Math.max(0, effective - toil)
