import {
  addDays,
  type CapacityTotals,
  emptyTotals,
  focusCapacity,
  type PersonDay,
  utilizationOf,
} from '@opsdeck/kpi'

const DAY_MS = 86_400_000
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10)

// The reads group every person-day by its week: 500 people × 84 days, several times a request,
// over a few hundred distinct days. Parsing and formatting each was most of the Overview's time.
const mondays = new Map<string, string>()
const MAX_CACHED_DAYS = 100_000

/** The Monday of a day's ISO week. */
export function mondayOf(day: string): string {
  const cached = mondays.get(day)
  if (cached !== undefined) return cached
  const n = dayNumber(day)
  // Day 0 (1970-01-01) was a Thursday: ISO weekday − 1 is (n + 3) mod 7.
  const monday = dayOf(n - ((((n + 3) % 7) + 7) % 7))
  if (mondays.size >= MAX_CACHED_DAYS) mondays.clear()
  mondays.set(day, monday)
  return monday
}

/** `day` moved by `count` days. */
export const shiftDay = (day: string, count: number) => dayOf(dayNumber(day) + count)

/** The Mondays of the ISO weeks from `from` to `to`. */
export function mondaysBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let n = dayNumber(mondayOf(from)), last = dayNumber(to); n <= last; n += 7)
    out.push(dayOf(n))
  return out
}

/** The ISO weeks `from` to `to` touch. */
export const weekCount = (from: string, to: string) =>
  (dayNumber(mondayOf(to)) - dayNumber(mondayOf(from))) / 7 + 1

export interface Sum {
  totals: CapacityTotals
  /** Incident toil on the days summed. */
  toil: number
  days: PersonDay[]
}

export const emptySum = (): Sum => ({ totals: emptyTotals(), toil: 0, days: [] })

/** Days (and their toil) summed by a key of the day: its week's Monday, its month. */
export function sumBy(
  days: readonly PersonDay[],
  toil: ReadonlyMap<string, number>,
  keyOf: (day: string) => string,
): Map<string, Sum> {
  const out = new Map<string, Sum>()
  for (const d of days) {
    const key = keyOf(d.day)
    let sum = out.get(key)
    if (!sum) out.set(key, (sum = emptySum()))
    addDays(sum.totals, [d])
    sum.toil += toil.get(d.day) ?? 0
    sum.days.push(d)
  }
  return out
}

export const monthOf = (day: string) => day.slice(0, 7)

const round2 = (n: number) => Math.round(n * 100) / 100

/** The figures of one cell (a person's, a team's or all teams' week), per the what-if flag. */
export function figuresOf(sum: Pick<Sum, 'totals' | 'toil'>, includeTentative: boolean) {
  const t = sum.totals
  const u = utilizationOf(t, includeTentative)
  const hours = (h: CapacityTotals['booked']['confirmed']) => ({
    project: round2(h.project),
    run: round2(h.run),
    support: round2(h.support),
  })
  return {
    capacity: round2(t.capacity),
    timeOff: round2(t.timeOff),
    effective: round2(t.effective),
    booked: { confirmed: hours(t.booked.confirmed), tentative: hours(t.booked.tentative) },
    bookedHours: round2(u.booked),
    utilization: u.utilization,
    utilizationConfirmed: utilizationOf(t, false).utilization,
    utilizationWithTentative: utilizationOf(t, true).utilization,
    freeHours: round2(u.freeHours),
    overHours: round2(u.overHours),
    overAllocated: u.overAllocated,
    bookedOverLeave: round2(t.bookedOverLeave),
    toil: round2(sum.toil),
    focus: round2(focusCapacity(t.effective, sum.toil)),
  }
}
export type Figures = ReturnType<typeof figuresOf>
