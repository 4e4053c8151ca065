import { addTotals } from '@opsdeck/kpi'
import type { CapacityModel } from '../model/index.ts'
import { emptySum, figuresOf, mondayOf, type Sum, sumBy } from '../model/weeks.ts'
import { detailOf } from './cells.ts'
import type { CapacityGrid } from './schemas.ts'

export const GRID_DEFINITIONS = {
  capacity: 'effectiveCapacity',
  effective: 'effectiveCapacity',
  booked: 'bookingRule',
  utilization: 'utilization',
  overAllocated: 'utilization',
  toil: 'incidentToil',
  focus: 'incidentToil',
}

/**
 * The heatmap: per team and week the sums of its people's days in that team (a move mid-week
 * splits the week by day), each person's week with what lies behind it, and all teams' sums.
 */
export function weekGrid(
  model: CapacityModel,
  weeks: readonly string[],
  includeTentative: boolean,
): Pick<CapacityGrid, 'total' | 'teams'> {
  const total = new Map(weeks.map((w) => [w, emptySum()]))
  const teams = model.teams.map((team) => {
    const sums = new Map(weeks.map((w) => [w, emptySum()]))
    const people = model.people
      .filter((p) => p.byTeam.has(team.id))
      .map((p) => {
        const byWeek = sumBy(p.byTeam.get(team.id) ?? [], p.toil, mondayOf)
        for (const [week, sum] of byWeek) {
          add(sums.get(week), sum)
          add(total.get(week), sum)
        }
        return {
          id: p.id,
          name: p.name,
          role: p.role,
          weeks: weeks.map((week) => {
            const sum = byWeek.get(week)
            return {
              week,
              ...figuresOf(sum ?? emptySum(), includeTentative),
              inTeam: sum !== undefined,
              detail: detailOf(model, p, sum?.days ?? []),
            }
          }),
        }
      })
    return { ...team, weeks: cells(weeks, sums, includeTentative), people }
  })
  return { total: cells(weeks, total, includeTentative), teams }
}

function add(into: Sum | undefined, sum: Sum) {
  if (!into) return
  addTotals(into.totals, sum.totals)
  into.toil += sum.toil
}

const cells = (weeks: readonly string[], sums: Map<string, Sum>, includeTentative: boolean) =>
  weeks.map((week) => ({ week, ...figuresOf(sums.get(week) ?? emptySum(), includeTentative) }))
