import type { Database } from '@opsdeck/db'
import {
  type AllocationSpan,
  addDays,
  emptyTotals,
  personDays,
  type TimeOffSpan,
  utilizationOf,
  type WorkingPattern,
} from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import type { PersonWeek } from './schemas.ts'

// One person's ISO weeks as the heatmap shows them, worked by packages/kpi (capacity-days.ts):
// the calendar is read here, every hour is counted there.

/** What a person's weeks are worked from, over a span of days. */
export interface PersonCalendar {
  person: WorkingPattern & { id: number; name: string }
  /** Bank holidays of the person's region (theirs, else the organisation's). */
  holidays: Set<string>
  closures: Set<string>
  timeOff: TimeOffSpan[]
  allocations: (AllocationSpan & { id: number })[]
}

const DAY_MS = 86_400_000
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`)
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The Monday of the ISO week holding `day`. */
export const mondayOf = (day: string) => {
  const ms = dayMs(day)
  return isoDay(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS)
}

/** The Sunday ending the ISO week that starts on `monday`. */
export const sundayOf = (monday: string) => isoDay(dayMs(monday) + 6 * DAY_MS)

/** The Mondays of the ISO weeks from the one holding `from` to the one holding `to`. */
export function isoWeeks(from: string, to: string): string[] {
  const weeks: string[] = []
  for (let ms = dayMs(mondayOf(from)), last = dayMs(to); ms <= last; ms += 7 * DAY_MS) {
    weeks.push(isoDay(ms))
  }
  return weeks
}

/** A person's calendar from `from` to `to` (days, inclusive); undefined when no such person. */
export async function loadPersonCalendar(
  db: Kysely<Database>,
  personId: number,
  from: string,
  to: string,
): Promise<PersonCalendar | undefined> {
  const person = await db
    .selectFrom('people')
    .innerJoin('organisationSettings as o', (j) => j.onTrue())
    .select([
      'people.id',
      'people.name',
      'people.contractedHoursPerWeek',
      'people.workingDays',
      'people.startDate',
      'people.endDate',
    ])
    .select((eb) => eb.fn.coalesce('people.bankHolidayRegion', 'o.bankHolidayRegion').as('region'))
    .where('people.id', '=', personId)
    .executeTakeFirst()
  if (!person) return undefined
  const { region, ...pattern } = person
  const [holidays, closures, timeOff, allocations] = await Promise.all([
    db
      .selectFrom('bankHolidays')
      .select('day')
      .where('region', '=', region)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute(),
    db
      .selectFrom('closureDays')
      .select('day')
      .where('day', '>=', from)
      .where('day', '<=', to)
      .execute(),
    db
      .selectFrom('timeOff')
      .select(['firstDay', 'lastDay', 'halfDay'])
      .where('personId', '=', personId)
      .where('lastDay', '>=', from)
      .where('firstDay', '<=', to)
      .execute(),
    db
      .selectFrom('allocations')
      .select(['id', 'firstDay', 'lastDay', 'hoursPerWeek', 'percent', 'status', 'kind'])
      .where('personId', '=', personId)
      .where('lastDay', '>=', from)
      .where('firstDay', '<=', to)
      .orderBy('id')
      .execute(),
  ])
  return {
    person: pattern,
    holidays: new Set(holidays.map((h) => h.day)),
    closures: new Set(closures.map((c) => c.day)),
    timeOff,
    allocations,
  }
}

/** The person's figures for each ISO week (Mondays), with these allocations booked. */
export function personWeeks(
  calendar: PersonCalendar,
  weeks: readonly string[],
  allocations: readonly AllocationSpan[] = calendar.allocations,
): PersonWeek[] {
  return weeks.map((week) => {
    const days = personDays({
      person: calendar.person,
      from: week,
      to: sundayOf(week),
      holidays: calendar.holidays,
      closures: calendar.closures,
      timeOff: calendar.timeOff,
      allocations,
    })
    const totals = addDays(emptyTotals(), days)
    const figures = (includeTentative: boolean) => {
      const u = utilizationOf(totals, includeTentative)
      return {
        booked: u.booked,
        utilization: u.utilization,
        freeHours: u.freeHours,
        overHours: u.overHours,
        overAllocated: u.overAllocated,
      }
    }
    return {
      week,
      capacity: totals.capacity,
      effective: totals.effective,
      confirmed: figures(false),
      withTentative: figures(true),
    }
  })
}
