import type { Insertable } from 'kysely'
import type { AllocationsTable } from '../schema/capacity.ts'
import { worksOn } from './capacity-calendar.ts'
import type { Leave } from './capacity-leave.ts'
import type { SeedContext, SeededPerson, SeededProject } from './context.ts'
import type { TeamSlug } from './people-data.ts'
import type { Rng } from './rng.ts'
import { addDays, mondayOf } from './time.ts'

type Allocation = Insertable<AllocationsTable>

const half = (h: number) => Math.max(0.5, Math.round(h * 2) / 2)
const later = (a: string, b: string) => (a > b ? a : b)
const earlier = (a: string, b: string) => (a < b ? a : b)

// Over-allocated this week and next: extra hours on a go-live or cutover (the "needs attention"
// items; everyone else stays at or under their hours in those weeks, bar the odd half day).
const CRUNCHES: readonly { name: string; project: string; weeks: number; note: string }[] = [
  { name: 'Sanjay Mehta', project: 'PRJ-0018', weeks: 2, note: 'Release 2 go-live support' },
  { name: 'Nadia Rahman', project: 'PRJ-0015', weeks: 3, note: 'Depot switch cutovers' },
  { name: 'Katie Walsh', project: 'PRJ-0029', weeks: 2, note: 'Migration dress rehearsal' },
]
// Future project work not yet approved: counts only in the what-if (weeks from this week).
const TENTATIVE: readonly {
  name: string
  project: string
  from: number
  weeks: number
  hours?: number
  percent?: number
  note: string
}[] = [
  {
    name: 'Martin Croft',
    project: 'PRJ-0021',
    from: 3,
    weeks: 8,
    hours: 15,
    note: 'Phase 2 design, awaiting approval',
  },
  {
    name: 'Priya Raman',
    project: 'PRJ-0009',
    from: 4,
    weeks: 6,
    percent: 30,
    note: 'Migration wave 3, subject to CAB',
  },
  {
    name: 'Chris Bailey',
    project: 'PRJ-0031',
    from: 2,
    weeks: 6,
    hours: 7.5,
    note: 'Two more library sites, if funded',
  },
  {
    name: 'Amira Haddad',
    project: 'PRJ-0029',
    from: 5,
    weeks: 4,
    hours: 11,
    note: 'Reporting for the new records system',
  },
]

/**
 * Everyone's allocations over the window (see seedCapacity): run, support and project work per
 * team stint, the crunches past and present, tentative work, all making way for leave.
 */
export function planAllocations(args: {
  ctx: SeedContext
  rng: Rng
  people: SeededPerson[]
  projects: SeededProject[]
  thisWeek: string
  first: string
  last: string
  byName: (name: string) => SeededPerson
  scripted: ReadonlyMap<number, readonly Leave[]>
  timeOff: readonly Leave[]
}): Allocation[] {
  const { ctx, rng, people, projects, thisWeek, first, last, byName, scripted, timeOff } = args
  const project = (code: string) => {
    const x = projects.find((y) => y.code === code)
    if (!x) throw new Error(`no demo project ${code}`)
    return x
  }

  const crunches = new Map(CRUNCHES.map((c) => [byName(c.name).id, c]))
  const pastCrunch = new Set(
    rng
      .shuffle(people.filter((p) => !p.lead && !crunches.has(p.id)))
      .slice(0, 4)
      .map((p) => p.id),
  )
  const slack = new Set(
    rng
      .shuffle(people.filter((p) => !pastCrunch.has(p.id) && !crunches.has(p.id)))
      .slice(0, 5)
      .map((p) => p.id),
  )
  const allocations: Allocation[] = []
  for (const p of people) {
    const out: Allocation[] = []
    const add = (
      kind: 'run' | 'support' | 'project',
      hours: number,
      from: string,
      to: string,
      projectId: number | null,
      note: string,
      percent = false,
    ) => {
      if (hours >= 0.5 && to >= from)
        out.push({
          personId: p.id,
          kind,
          projectId,
          firstDay: from,
          lastDay: to,
          // A percent of the contract, to the nearest 5%, or hours a week to the half hour.
          ...(percent
            ? { percent: Math.round(((hours / p.hours) * 100) / 5) * 5 }
            : { hoursPerWeek: half(hours) }),
          note,
          createdAt: ctx.createdAt,
          updatedAt: ctx.createdAt,
        })
    }
    // Employed days of the window, one stretch per team they were in.
    const employed = { from: later(first, p.startDate), to: earlier(last, p.endDate ?? last) }
    const target =
      p.hours * (slack.has(p.id) ? 0.5 + rng.float() * 0.15 : 0.72 + rng.float() * 0.22)
    for (const m of p.memberships) {
      const from = later(employed.from, m.firstDay)
      const to = earlier(employed.to, m.lastDay ?? employed.to)
      if (from > to) continue
      const chosen = stint(rng, p, m.team, target, from, to, projects, add)
      // A crunch in past weeks: extra project hours, past 100%.
      const busy = chosen[0]
      if (pastCrunch.has(p.id) && busy) {
        const start = later(
          later(addDays(thisWeek, -7 * rng.int(5, 10)), mondayOf(busy.startDate)),
          from,
        )
        const end = earlier(addDays(start, 7 * rng.int(2, 5) - 1), addDays(thisWeek, -1))
        add('project', p.hours * (0.2 + rng.float() * 0.2), start, end, busy.id, 'Go-live support')
      }
    }
    const crunch = crunches.get(p.id)
    if (crunch) {
      // From this week: enough extra to take them to 110–125% of their hours.
      const x = project(crunch.project)
      const extra = p.hours * (1.1 + rng.float() * 0.15) - target
      const end = earlier(addDays(thisWeek, 7 * crunch.weeks - 1), addDays(mondayOf(x.endDate), 6))
      add('project', extra, thisWeek, end, x.id, crunch.note)
    }
    // Future project work not yet approved, in whole weeks of the project while employed.
    for (const t of TENTATIVE.filter((t) => t.name === p.name)) {
      const x = project(t.project)
      const from = later(addDays(thisWeek, 7 * t.from), mondayOf(x.startDate))
      const to = earlier(
        earlier(addDays(from, 7 * t.weeks - 1), addDays(mondayOf(x.endDate), 6)),
        employed.to,
      )
      if (from <= to)
        out.push({
          personId: p.id,
          kind: 'project',
          projectId: x.id,
          firstDay: from,
          lastDay: to,
          ...(t.percent === undefined ? { hoursPerWeek: t.hours! } : { percent: t.percent }),
          status: 'tentative',
          note: t.note,
          createdAt: ctx.createdAt,
          updatedAt: ctx.createdAt,
        })
    }
    // Bookings make way for leave, except the conflicts and half days.
    const away = [...(scripted.get(p.id) ?? []), ...timeOff.filter((t) => t.personId === p.id)]
      .filter((t) => !t.conflict && !t.halfDay)
      .sort((a, b) => (a.firstDay < b.firstDay ? -1 : 1))
    for (const a of out) allocations.push(...around(a, away, p))
  }
  return allocations
}

/**
 * One person's run, support and project work for a stretch in one team; returns the projects
 * chosen. Service desk support is booked as a percent of the contract, a lead's run work too.
 */
function stint(
  rng: Rng,
  p: SeededPerson,
  team: TeamSlug,
  target: number,
  from: string,
  to: string,
  projects: SeededProject[],
  add: (
    kind: 'run' | 'support' | 'project',
    hours: number,
    from: string,
    to: string,
    projectId: number | null,
    note: string,
    percent?: boolean,
  ) => void,
): SeededProject[] {
  const desk = team === 'service-desk'
  const support = p.hours * (desk ? 0.55 + rng.float() * 0.15 : 0.05 + rng.float() * 0.1)
  let run = p.hours * (desk ? 0.1 + rng.float() * 0.1 : 0.25 + rng.float() * 0.2)
  const mine = projects.filter(
    (x) =>
      x.status === 'active' && x.teams.includes(team) && addDays(mondayOf(x.endDate), 6) >= from,
  )
  const chosen = p.role.includes('Apprentice') ? [] : rng.shuffle(mine).slice(0, rng.int(1, 2))
  const projectHours = Math.max(0, target - run - support)
  if (chosen.length === 0) run += projectHours
  const supportNote = desk ? 'Service desk rota' : 'Third-line support and on-call'
  add('support', support, from, to, null, supportNote, desk)
  add('run', run, from, to, null, 'BAU: patching, changes, requests', p.lead)
  const shares = chosen.length === 1 ? [1] : [0.65, 0.35]
  for (const [i, x] of chosen.entries()) {
    // Whole weeks of the project: from the Monday of its start to the Sunday of its end.
    const start = later(from, mondayOf(x.startDate))
    const end = earlier(to, addDays(mondayOf(x.endDate), 6))
    add('project', projectHours * shares[i]!, start, end, x.id, '')
  }
  return chosen
}

/** An allocation less the days of leave: the pieces either side that still have working days. */
function around(a: Allocation, away: readonly Leave[], p: SeededPerson): Allocation[] {
  let pieces: [string, string][] = [[a.firstDay, a.lastDay]]
  for (const o of away) {
    pieces = pieces.flatMap(([f, l]): [string, string][] =>
      o.lastDay < f || o.firstDay > l
        ? [[f, l]]
        : [
            ...(o.firstDay > f ? [[f, addDays(o.firstDay, -1)] as [string, string]] : []),
            ...(o.lastDay < l ? [[addDays(o.lastDay, 1), l] as [string, string]] : []),
          ],
    )
  }
  return pieces
    .filter(([f, l]) =>
      [0, 1, 2, 3, 4, 5, 6].some((d) => addDays(f, d) <= l && worksOn(p, addDays(f, d))),
    )
    .map(([f, l]) => ({ ...a, firstDay: f, lastDay: l }))
}
