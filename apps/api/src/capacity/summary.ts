import type { Database } from '@opsdeck/db'
import {
  addDays,
  addTotals,
  type CapacityTotals,
  emptyTotals,
  type PersonDay,
  personDays,
  utilizationOf,
} from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { isoWeekOf } from '../lib/calendar.ts'
import type { Scope } from '../lib/scope.ts'
import { capacityModel, type ModelPerson } from './model/index.ts'
import { shiftDay } from './model/weeks.ts'
import type { CapacitySummary } from './schemas.ts'

interface Sum {
  people: number
  /** The contracted hours of the days counted, before bank holidays and closures. */
  contracted: number
  totals: CapacityTotals
  overAllocatedPeople: number
}

/**
 * This week's capacity (the organisation's ISO week holding now), per team (its people's days in
 * it) and for all teams, from the capacity model: confirmed work, as the Overview tile shows it.
 */
export async function capacitySummary(
  db: Kysely<Database>,
  { now, org }: Scope,
): Promise<CapacitySummary> {
  const week = isoWeekOf(now, org.timezone)
  const model = await capacityModel(db, {
    from: week,
    to: shiftDay(week, 6),
    orgRegion: org.bankHolidayRegion,
    timezone: org.timezone,
    now,
  })
  const total = emptySum()
  for (const p of model.people) add(total, p, p.days)
  const teams = model.teams.map((t) => {
    const sum = emptySum()
    for (const p of model.people) {
      const days = p.byTeam.get(t.id)
      if (days) add(sum, p, days)
    }
    return { teamId: t.id, name: t.name, ...hoursOf(sum) }
  })
  // Utilization of the sums, not the mean of the teams' ratios.
  return { week, teams, total: hoursOf(total) }
}

const emptySum = (): Sum => ({
  people: 0,
  contracted: 0,
  totals: emptyTotals(),
  overAllocatedPeople: 0,
})

function add(into: Sum, p: ModelPerson, days: readonly PersonDay[]) {
  if (days.length === 0) return
  const totals = addDays(emptyTotals(), days)
  // Contracted: the same days worked without the calendar's holidays and closures.
  const contracted = personDays({
    person: p.pattern,
    from: days[0]?.day ?? '',
    to: days.at(-1)?.day ?? '',
    holidays: new Set(),
    closures: new Set(),
    timeOff: [],
    allocations: [],
  }).filter((d) => days.some((own) => own.day === d.day))
  into.people += 1
  into.contracted += addDays(emptyTotals(), contracted).capacity
  addTotals(into.totals, totals)
  if (utilizationOf(totals).overAllocated) into.overAllocatedPeople += 1
}

function hoursOf(s: Sum) {
  const u = utilizationOf(s.totals)
  return {
    people: s.people,
    contractedHours: round1(s.contracted),
    effectiveHours: round1(u.effective),
    allocatedHours: round1(u.booked),
    overAllocatedPeople: s.overAllocatedPeople,
    utilization: u.utilization,
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10
