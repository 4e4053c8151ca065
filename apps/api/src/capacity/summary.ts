import type { Database } from '@opsdeck/db'
import { effectiveCapacity, isOverAllocated, utilization } from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import { isoWeekOf } from '../lib/calendar.ts'
import type { Scope } from '../lib/scope.ts'
import type { CapacitySummary } from './schemas.ts'
import { listPersonWeek, type PersonWeek } from './queries.ts'

interface Hours {
  people: number
  contractedHours: number
  effectiveHours: number
  allocatedHours: number
  overAllocatedPeople: number
}

/** This week's capacity (the organisation's ISO week holding now), per team and for all teams. */
export async function capacitySummary(
  db: Kysely<Database>,
  { now, org }: Scope,
): Promise<CapacitySummary> {
  const week = isoWeekOf(now, org.timezone)
  const rows = await listPersonWeek(db, week, org.bankHolidayRegion)
  const teams = new Map<number, Hours & { teamId: number; name: string }>()
  const total = emptyHours()
  for (const r of rows) {
    const team = teams.get(r.teamId) ?? { teamId: r.teamId, name: r.teamName, ...emptyHours() }
    const person = personHours(r, org.workingDaysPerWeek)
    addHours(team, person)
    addHours(total, person)
    teams.set(r.teamId, team)
  }
  return {
    week,
    teams: [...teams.values()].map(withUtilization),
    // Utilization of the sums, not the mean of the teams' ratios.
    total: withUtilization(total),
  }
}

function personHours(r: PersonWeek, workingDaysPerWeek: number): Hours {
  const effective = effectiveCapacity({
    contractedHoursPerWeek: r.contracted,
    workingDaysPerWeek,
    bankHolidayDays: r.bankHolidayDays,
    timeOffDays: r.timeOffDays,
  })
  return {
    people: 1,
    contractedHours: r.contracted,
    effectiveHours: effective,
    allocatedHours: r.allocated,
    overAllocatedPeople: isOverAllocated(utilization(r.allocated, effective)) ? 1 : 0,
  }
}

const emptyHours = (): Hours => ({
  people: 0,
  contractedHours: 0,
  effectiveHours: 0,
  allocatedHours: 0,
  overAllocatedPeople: 0,
})

function addHours(into: Hours, add: Hours) {
  into.people += add.people
  into.contractedHours += add.contractedHours
  into.effectiveHours += add.effectiveHours
  into.allocatedHours += add.allocatedHours
  into.overAllocatedPeople += add.overAllocatedPeople
}

function withUtilization<T extends Hours>(h: T) {
  return {
    ...h,
    effectiveHours: round1(h.effectiveHours),
    utilization: utilization(h.allocatedHours, h.effectiveHours),
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10
