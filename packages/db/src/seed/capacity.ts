import type { Insertable } from 'kysely'
import type { AllocationsTable, TimeOffTable } from '../schema/capacity.ts'
import type { SeedContext, SeededPerson, SeededProject } from './context.ts'
import type { Rng } from './rng.ts'
import { addDays, isWeekend, mondayOf } from './time.ts'

const half = (h: number) => Math.max(0.5, Math.round(h * 2) / 2)
const later = (a: string, b: string) => (a > b ? a : b)
const earlier = (a: string, b: string) => (a < b ? a : b)

/**
 * Weekly allocations over the past and next 12 weeks: run (BAU) and support for everyone,
 * project work on active projects of the person's team. Most people land at 70–95% of their
 * hours; a few run a crunch above 100% for some weeks; a few have slack.
 */
export async function seedCapacity(
  ctx: SeedContext,
  people: SeededPerson[],
  projects: SeededProject[],
): Promise<{ allocations: number; timeOff: number }> {
  const rng = ctx.rng.fork('capacity')
  const thisWeek = mondayOf(ctx.today)
  const first = addDays(thisWeek, -12 * 7)
  const last = addDays(thisWeek, 12 * 7)
  const crunch = new Set(
    rng
      .shuffle(people.filter((p) => !p.lead))
      .slice(0, 7)
      .map((p) => p.id),
  )
  const slack = new Set(
    rng
      .shuffle(people.filter((p) => !crunch.has(p.id)))
      .slice(0, 5)
      .map((p) => p.id),
  )
  const allocations: Insertable<AllocationsTable>[] = []
  for (const p of people) {
    const add = (
      kind: 'run' | 'support' | 'project',
      hours: number,
      from: string,
      to: string,
      projectId: number | null,
      note: string,
    ) => {
      if (hours >= 0.5 && to >= from)
        allocations.push({
          personId: p.id,
          kind,
          projectId,
          firstDay: from,
          // The Monday of the last week: its allocation runs to the Sunday.
          lastDay: addDays(to, 6),
          hoursPerWeek: half(hours),
          note,
          createdAt: ctx.createdAt,
          updatedAt: ctx.createdAt,
        })
    }
    const target =
      p.hours * (slack.has(p.id) ? 0.5 + rng.float() * 0.15 : 0.72 + rng.float() * 0.22)
    const desk = p.team === 'service-desk'
    const support = p.hours * (desk ? 0.55 + rng.float() * 0.15 : 0.05 + rng.float() * 0.1)
    let run = p.hours * (desk ? 0.1 + rng.float() * 0.1 : 0.25 + rng.float() * 0.2)
    const mine = projects.filter(
      (x) => x.status === 'active' && x.teams.includes(p.team) && mondayOf(x.endDate) >= first,
    )
    const chosen = p.role.includes('Apprentice') ? [] : rng.shuffle(mine).slice(0, rng.int(1, 2))
    const projectHours = Math.max(0, target - run - support)
    if (chosen.length === 0) run += projectHours
    add(
      'support',
      support,
      first,
      last,
      null,
      desk ? 'Service desk rota' : 'Third-line support and on-call',
    )
    add('run', run, first, last, null, 'BAU: patching, changes, requests')
    const shares = chosen.length === 1 ? [1] : [0.65, 0.35]
    for (const [i, x] of chosen.entries()) {
      const from = later(first, mondayOf(x.startDate))
      add('project', projectHours * shares[i]!, from, earlier(last, mondayOf(x.endDate)), x.id, '')
    }
    // A crunch: extra project hours for a few weeks, pushing the person past 100%.
    const busy = chosen[0]
    if (crunch.has(p.id) && busy) {
      const from = later(addDays(first, 7 * rng.int(4, 16)), mondayOf(busy.startDate))
      const to = earlier(earlier(addDays(from, 7 * rng.int(3, 7)), last), mondayOf(busy.endDate))
      add('project', p.hours * (0.2 + rng.float() * 0.2), from, to, busy.id, 'Go-live support')
    }
  }
  await ctx.db.insertInto('allocations').values(allocations).execute()
  const timeOff = people
    .flatMap((p) => leave(rng, p, first, last))
    .map((t) => ({ ...t, createdAt: ctx.createdAt }))
  await ctx.db.insertInto('timeOff').values(timeOff).execute()
  return { allocations: allocations.length, timeOff: timeOff.length }
}

// One block of annual leave in each third of the window, plus the odd sick day and course.
function leave(rng: Rng, p: SeededPerson, first: string, last: string): Insertable<TimeOffTable>[] {
  const out: Insertable<TimeOffTable>[] = []
  const block = (from: string, days: number, kind: 'annual_leave' | 'sick' | 'training') => {
    let start = from
    while (isWeekend(start)) start = addDays(start, 1)
    let end = start
    for (let n = 1; n < days;) {
      end = addDays(end, 1)
      if (!isWeekend(end)) n++
    }
    const clash = out.some((o) => o.firstDay <= end && start <= o.lastDay)
    if (end <= last && !clash) out.push({ personId: p.id, firstDay: start, lastDay: end, kind })
  }
  for (let third = 0; third < 3; third++) {
    if (rng.chance(0.15)) continue
    block(
      addDays(first, third * 56 + rng.int(0, 45)),
      rng.pick([1, 2, 3, 5, 5, 5, 10]),
      'annual_leave',
    )
  }
  if (rng.chance(0.3)) block(addDays(first, rng.int(0, 80)), rng.int(1, 3), 'sick')
  if (rng.chance(0.25)) block(addDays(first, rng.int(0, 170)), rng.int(1, 2), 'training')
  return out.sort((a, b) => (a.firstDay < b.firstDay ? -1 : 1))
}
