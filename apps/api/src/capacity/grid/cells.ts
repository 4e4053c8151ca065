import { addDays, emptyTotals, type PersonDay } from '@opsdeck/kpi'
import type { CapacityModel, ModelAllocation, ModelPerson } from '../model/index.ts'
import { shiftDay } from '../model/weeks.ts'

const round2 = (n: number) => Math.round(n * 100) / 100

/** The hours all of a day's bookings come to, confirmed and tentative. */
function bookedOn(d: PersonDay): number {
  const { confirmed: c, tentative: t } = d.booked
  return c.project + c.run + c.support + t.project + t.run + t.support
}

// Each allocation's hours by day, made once per allocation: a cell reads at most seven days.
const hoursByDay = new WeakMap<ModelAllocation, Map<string, number>>()
function hoursOf(a: ModelAllocation): Map<string, number> {
  let map = hoursByDay.get(a)
  if (!map) {
    map = new Map(a.days.map((d) => [d.day, bookedOn(d)]))
    hoursByDay.set(a, map)
  }
  return map
}

/** The allocations behind a cell: each one's hours on the cell's days, those booking any. */
export function bookingsIn(person: ModelPerson, days: readonly string[]) {
  return person.allocations
    .map((a) => {
      const hours = hoursOf(a)
      return {
        allocationId: a.id,
        kind: a.kind,
        status: a.status,
        project: a.project,
        hours: round2(days.reduce((s, d) => s + (hours.get(d) ?? 0), 0)),
      }
    })
    .filter((a) => a.hours > 0)
}

/** What a person's cell rests on: their holidays, closures and leave that week, and bookings. */
function detailOf(model: CapacityModel, person: ModelPerson, days: readonly PersonDay[]) {
  const holidays = model.holidays.get(person.region)
  const named = (d: PersonDay, names: ReadonlyMap<string, string> | undefined) => ({
    day: d.day,
    name: names?.get(d.day) ?? '',
  })
  const timeOff = days
    .filter((d) => d.capacity > 0 && d.off > 0)
    .map((d) => ({ day: d.day, share: d.off }))
  return {
    bankHolidays: days.filter((d) => d.dayOff === 'bank_holiday').map((d) => named(d, holidays)),
    closures: days.filter((d) => d.dayOff === 'closure').map((d) => named(d, model.closures)),
    timeOff,
    timeOffDays: timeOff.reduce((s, t) => s + t.share, 0),
    allocations: bookingsIn(
      person,
      days.map((d) => d.day),
    ),
  }
}

/**
 * What lies behind a person's heatmap cell: their days of the week (those in the team, when one
 * is given, as that team's row sums them) with their holidays, closures, leave and bookings.
 */
export function personWeekDetail(
  model: CapacityModel,
  person: ModelPerson,
  week: string,
  teamId: number | null,
) {
  const days = teamId === null ? person.days : (person.byTeam.get(teamId) ?? [])
  return detailOf(
    model,
    person,
    days.filter((d) => d.day >= week && d.day <= shiftDay(week, 6)),
  )
}

/** Days of leave with work booked on them (kpi addDays' bookedOverLeave, day by day). */
export function leaveConflicts(days: readonly PersonDay[]) {
  return days
    .map((d) => ({ day: d.day, share: d.off, over: addDays(emptyTotals(), [d]).bookedOverLeave }))
    .filter((d) => d.share > 0 && d.over > 0)
    .map((d) => ({ day: d.day, share: d.share, bookedOverLeave: round2(d.over) }))
}
