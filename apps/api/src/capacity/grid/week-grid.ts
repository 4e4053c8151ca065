import { addTotals } from '@opsdeck/kpi'
import type { CapacityModel } from '../model/index.ts'
import { emptySum, figuresOf, mondayOf, type Sum, sumBy } from '../model/weeks.ts'
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
 * splits the week by day) and all teams' sums; with `people`, each person's weeks in the team too
 * (their figures: what lies behind a cell is its own read, personWeekDetail).
 */
export function weekGrid(
  model: CapacityModel,
  weeks: readonly string[],
  opts: { includeTentative: boolean; people: boolean },
): Pick<CapacityGrid, 'total' | 'teams'> {
  const { includeTentative } = opts
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
        if (!opts.people) return null
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
            }
          }),
        }
      })
    return {
      ...team,
      headcount: people.length,
      weeks: cells(weeks, sums, includeTentative),
      people: opts.people ? people.filter((p) => p !== null) : null,
    }
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
