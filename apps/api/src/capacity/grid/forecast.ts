import { addTotals, utilizationOf } from '@opsdeck/kpi'
import type { CapacityModel, Team } from '../model/index.ts'
import { emptySum, mondayOf, type Sum, sumBy } from '../model/weeks.ts'
import type { Forecast } from './schemas.ts'

const round2 = (n: number) => Math.round(n * 100) / 100

export const FORECAST_DEFINITIONS = {
  demand: 'bookingRule',
  effective: 'effectiveCapacity',
  utilization: 'utilization',
}

/** Demand (booked hours) against effective capacity per week, by team and by role. */
export function forecast(
  model: CapacityModel,
  weeks: readonly string[],
  includeTentative: boolean,
): Pick<Forecast, 'teams' | 'roles'> {
  const row = (sums: Map<string, Sum>) => {
    const list = weeks.map((week) => {
      const u = utilizationOf((sums.get(week) ?? emptySum()).totals, includeTentative)
      return {
        week,
        demand: round2(u.booked),
        effective: round2(u.effective),
        utilization: u.utilization,
        overHours: round2(u.overHours),
        over: u.overAllocated,
      }
    })
    return { overWeeks: list.filter((w) => w.over).length, weeks: list }
  }
  const teams = model.teams.map((team: Team) => {
    const sums = new Map<string, Sum>()
    for (const p of model.people) add(sums, sumBy(p.byTeam.get(team.id) ?? [], p.toil, mondayOf))
    return { team, ...row(sums) }
  })
  const byRole = new Map<string, Map<string, Sum>>()
  for (const p of model.people) {
    const sums = byRole.get(p.role) ?? new Map<string, Sum>()
    add(sums, sumBy(p.days, p.toil, mondayOf))
    byRole.set(p.role, sums)
  }
  const roles = [...byRole]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([role, sums]) => ({ role, ...row(sums) }))
  return { teams, roles }
}

function add(into: Map<string, Sum>, sums: Map<string, Sum>) {
  for (const [week, sum] of sums) {
    const to = into.get(week) ?? emptySum()
    addTotals(to.totals, sum.totals)
    to.toil += sum.toil
    into.set(week, to)
  }
}
