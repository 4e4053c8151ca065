import type { Database } from '@opsdeck/db'
import {
  type AllocationSpan,
  daysByTeam,
  hoursPerWorkingDay,
  incidentToil,
  type Membership,
  type PersonDay,
  personDays,
  type WorkingPattern,
} from '@opsdeck/kpi'
import type { Kysely } from 'kysely'
import {
  listAllocations,
  listCalendar,
  listIncidentHours,
  listMemberships,
  listPeopleInPlay,
  listTimeOff,
  type LoadArgs,
} from './load.ts'

export type { LoadArgs } from './load.ts'

export interface Team {
  id: number
  slug: string
  name: string
}

export interface ModelAllocation {
  id: number
  kind: 'project' | 'run' | 'support'
  status: 'confirmed' | 'tentative'
  project: { code: string; name: string } | null
  /** The days it books within the range (kpi personDays with it alone). */
  readonly days: PersonDay[]
}

export interface ModelPerson {
  id: number
  name: string
  role: string
  region: string
  pattern: WorkingPattern
  /** Every day of the range (kpi personDays): capacity, time off, bookings. */
  days: PersonDay[]
  /** The same days by the team the person was in on each (kpi daysByTeam). */
  byTeam: Map<number, PersonDay[]>
  /** Incident toil by day (kpi incidentToil); days without any are absent. */
  toil: Map<string, number>
  allocations: ModelAllocation[]
}

export interface CapacityModel {
  from: string
  to: string
  people: ModelPerson[]
  /** Every team a person in play was in during the range, by name. */
  teams: Team[]
  /** Bank holidays by region, then day → name. */
  holidays: Map<string, Map<string, string>>
  closures: Map<string, string>
}

/**
 * Everything capacity knows for the days `from`–`to`: the people in play, worked day by day with
 * packages/kpi (capacity-days.ts). The routes only add these days up, by week, team or month.
 */
export async function capacityModel(db: Kysely<Database>, args: LoadArgs): Promise<CapacityModel> {
  const rows = await listPeopleInPlay(db, args)
  const ids = rows.map((p) => p.id)
  const regions = [...new Set([args.orgRegion, ...rows.map((p) => p.region)])]
  const [memberships, calendar, timeOff, allocations, incidentHours] = await Promise.all([
    listMemberships(db, ids, args),
    listCalendar(db, regions, args),
    listTimeOff(db, ids, args),
    listAllocations(db, ids, args),
    listIncidentHours(db, ids, args),
  ])
  const holidays = new Map(regions.map((r) => [r, new Map<string, string>()]))
  const closures = new Map<string, string>()
  for (const c of calendar) {
    if (c.region === null) closures.set(c.day, c.name)
    else holidays.get(c.region)?.set(c.day, c.name)
  }
  const closureDays = new Set(closures.keys())
  const timeOffOf = byPerson(timeOff)
  const allocationsOf = byPerson(allocations)
  const membershipsOf = byPerson(memberships)
  const incidentHoursOf = byPerson(incidentHours)
  const teams = new Map<number, Team>()
  for (const m of memberships)
    teams.set(m.teamId, { id: m.teamId, slug: m.teamSlug, name: m.teamName })

  const people = rows.map((p): ModelPerson => {
    const pattern: WorkingPattern = {
      contractedHoursPerWeek: p.contractedHoursPerWeek,
      workingDays: p.workingDays,
      startDate: p.startDate,
      endDate: p.endDate,
    }
    const calendarOf = {
      person: pattern,
      holidays: new Set(holidays.get(p.region)?.keys()),
      closures: closureDays,
    }
    const spans = allocationsOf.get(p.id) ?? []
    const days = personDays({
      ...calendarOf,
      from: args.from,
      to: args.to,
      timeOff: timeOffOf.get(p.id) ?? [],
      allocations: spans.map(spanOf),
    })
    const own: Membership[] = membershipsOf.get(p.id) ?? []
    const perDay = hoursPerWorkingDay(pattern)
    const toil = new Map<string, number>()
    for (const h of incidentHoursOf.get(p.id) ?? []) {
      const hours = incidentToil({
        commandedHours: h.commanded,
        loggedHours: h.logged,
        hoursPerWorkingDay: perDay,
      })
      if (hours > 0) toil.set(h.day, hours)
    }
    return {
      id: p.id,
      name: p.name,
      role: p.role,
      region: p.region,
      pattern,
      days,
      byTeam: daysByTeam(days, own),
      toil,
      allocations: spans.map((a) => {
        let booked: PersonDay[] | undefined
        return {
          id: a.id,
          kind: a.kind,
          status: a.status,
          project:
            a.projectCode === null ? null : { code: a.projectCode, name: a.projectName ?? '' },
          // Its own bookings, for the hours behind a cell: the same rule, one allocation at a
          // time; worked when first read (only the heatmap and over-allocations read them).
          get days() {
            booked ??= personDays({
              ...calendarOf,
              from: a.firstDay > args.from ? a.firstDay : args.from,
              to: a.lastDay < args.to ? a.lastDay : args.to,
              timeOff: [],
              allocations: [spanOf(a)],
            })
            return booked
          },
        }
      }),
    }
  })
  const wanted = (t: Team) =>
    (args.teamSlug === undefined || t.slug === args.teamSlug) &&
    (args.teamIds === undefined || args.teamIds.includes(t.id))
  return {
    from: args.from,
    to: args.to,
    people,
    teams: [...teams.values()].filter(wanted).sort((a, b) => a.name.localeCompare(b.name)),
    holidays,
    closures,
  }
}

function spanOf(a: {
  firstDay: string
  lastDay: string
  hoursPerWeek: number | null
  percent: number | null
  status: 'confirmed' | 'tentative'
  kind: 'project' | 'run' | 'support'
}): AllocationSpan {
  return {
    firstDay: a.firstDay,
    lastDay: a.lastDay,
    hoursPerWeek: a.hoursPerWeek,
    percent: a.percent,
    status: a.status,
    kind: a.kind,
  }
}

function byPerson<T extends { personId: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>()
  for (const r of rows) {
    const list = out.get(r.personId)
    if (list) list.push(r)
    else out.set(r.personId, [r])
  }
  return out
}
