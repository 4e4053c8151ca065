import { addTotals, type PersonDay, runChangeSplit } from '@opsdeck/kpi'
import type { CapacityModel } from '../model/index.ts'
import { emptySum, monthOf, type Sum, sumBy } from '../model/weeks.ts'
import type { RunChange } from './schemas.ts'

const round2 = (n: number) => Math.round(n * 100) / 100

export const RUN_CHANGE_DEFINITIONS = {
  run: 'runChangeSplit',
  change: 'runChangeSplit',
  incidentHours: 'incidentToil',
  booked: 'bookingRule',
}

/** The months `from`–`to` touch (`YYYY-MM`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.split('-').map(Number) as [number, number]
  for (let month = monthOf(from); month <= monthOf(to);) {
    out.push(month)
    m += 1
    if (m > 12) [y, m] = [y + 1, 1]
    month = `${y}-${String(m).padStart(2, '0')}`
  }
  return out
}

/**
 * Run (run + support + incident toil) against change (project) by month, of confirmed work:
 * the people's days in `teamId`'s team when given, else all their days; and toil by team.
 */
export function runChange(
  model: CapacityModel,
  months: readonly string[],
  teamId: number | null,
): Pick<RunChange, 'months' | 'total' | 'toilByTeam'> {
  const sums = new Map(months.map((m) => [m, emptySum()]))
  const total = emptySum()
  for (const p of model.people) {
    const days: PersonDay[] = teamId === null ? p.days : (p.byTeam.get(teamId) ?? [])
    for (const [month, sum] of sumBy(days, p.toil, monthOf)) {
      add(sums.get(month), sum)
      add(total, sum)
    }
  }
  const toilByTeam = model.teams.map((team) => {
    const byMonth = new Map(months.map((m) => [m, 0]))
    for (const p of model.people) {
      for (const [month, sum] of sumBy(p.byTeam.get(team.id) ?? [], p.toil, monthOf)) {
        byMonth.set(month, (byMonth.get(month) ?? 0) + sum.toil)
      }
    }
    const list = months.map((month) => ({ month, hours: round2(byMonth.get(month) ?? 0) }))
    return {
      team,
      months: list,
      total: round2([...byMonth.values()].reduce((s, h) => s + h, 0)),
    }
  })
  return {
    months: months.map((month) => ({ month, ...split(sums.get(month) ?? emptySum()) })),
    total: split(total),
    toilByTeam,
  }
}

function add(into: Sum | undefined, sum: Sum) {
  if (!into) return
  addTotals(into.totals, sum.totals)
  into.toil += sum.toil
}

function split(sum: Sum) {
  const c = sum.totals.booked.confirmed
  const s = runChangeSplit({
    project: c.project,
    run: c.run,
    support: c.support,
    incident: sum.toil,
  })
  return {
    projectHours: round2(c.project),
    runHours: round2(c.run),
    supportHours: round2(c.support),
    incidentHours: round2(sum.toil),
    run: round2(s.runHours),
    change: round2(s.changeHours),
    runShare: s.runShare,
    changeShare: s.changeShare,
  }
}
