import { utilizationOf } from '@opsdeck/kpi'
import type { CapacityModel, ModelPerson, Team } from '../model/index.ts'
import { mondayOf, sumBy } from '../model/weeks.ts'
import { bookingsIn, leaveConflicts } from './cells.ts'
import type { Overallocations } from './schemas.ts'

const round2 = (n: number) => Math.round(n * 100) / 100

export const OVERALLOCATION_DEFINITIONS = {
  booked: 'bookingRule',
  effective: 'effectiveCapacity',
  utilization: 'utilization',
  leaveConflicts: 'bookingRule',
}

/** Person-weeks booked above effective capacity (the person's whole week, whichever team). */
export function overallocations(
  model: CapacityModel,
  weeks: readonly string[],
  includeTentative: boolean,
): Overallocations['items'] {
  const teams = new Map(model.teams.map((t) => [t.id, t]))
  const items: Overallocations['items'] = []
  for (const p of model.people) {
    const byWeek = sumBy(p.days, p.toil, mondayOf)
    for (const week of weeks) {
      const sum = byWeek.get(week)
      if (!sum) continue
      const u = utilizationOf(sum.totals, includeTentative)
      if (!u.overAllocated) continue
      const days = new Set(sum.days.map((d) => d.day))
      items.push({
        person: { id: p.id, name: p.name, role: p.role },
        team: teamAtEnd(p, days, teams),
        week,
        booked: round2(u.booked),
        effective: round2(u.effective),
        overHours: round2(u.overHours),
        utilization: u.utilization,
        allocations: bookingsIn(p, [...days]).filter(
          (a) => includeTentative || a.status === 'confirmed',
        ),
        leaveConflicts: leaveConflicts(sum.days),
      })
    }
  }
  return items.sort(
    (a, b) =>
      a.week.localeCompare(b.week) ||
      b.overHours - a.overHours ||
      a.person.name.localeCompare(b.person.name),
  )
}

/** The team holding the person's latest day of the week. */
function teamAtEnd(p: ModelPerson, days: ReadonlySet<string>, teams: Map<number, Team>) {
  let best: { team: Team; day: string } | null = null
  for (const [id, list] of p.byTeam) {
    const team = teams.get(id)
    for (const d of list) {
      if (team && days.has(d.day) && (!best || d.day > best.day)) best = { team, day: d.day }
    }
  }
  return best?.team ?? null
}
