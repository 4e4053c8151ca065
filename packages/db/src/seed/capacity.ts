import type { Insertable } from 'kysely'
import type { AllocationsTable, TimeOffTable } from '../schema/capacity.ts'
import type { SeedContext, SeededPerson, SeededProject } from './context.ts'
import type { TeamSlug } from './people-data.ts'
import { seedResponderHours } from './responders.ts'
import type { Rng } from './rng.ts'
import { addDays, isoDow, mondayOf } from './time.ts'

type Allocation = Insertable<AllocationsTable>
type Leave = Omit<Insertable<TimeOffTable>, 'createdAt'> & {
  /** Left over the work booked on its days: a conflict for the manager to move. */
  conflict?: boolean
}

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
// The cover-risk day: four of Networks & Security on a course and its manager on leave, the
// leaver gone and the part-timer's day off, leave one engineer for core network, VPN and SSO.
const COURSE = ['Viktor Horvath', 'Sophie Turner', 'Chris Bailey', 'Ben Ellis']
const COURSE_NOTE = 'Fortinet NSE 4 course (Thursday and Friday)'
const COVER_AWAY = 'Andrew Campbell'

/**
 * Allocations over the past and next 12 weeks: run (BAU) and support for everyone, project work on
 * active projects of the person's team, from their start to their leave date and split at a team
 * move. Most people land at 70–95% of their hours; a few ran a crunch above 100% in past weeks,
 * three are over from this week for two or three weeks; a few have slack. Bookings make way for leave (planned or
 * not) except a couple of conflicts; half days are left over the booking. Closure days between
 * Christmas and New Year, a cover-risk day for Networks & Security, and responders' hours on
 * incidents.
 */
export async function seedCapacity(
  ctx: SeedContext,
  people: SeededPerson[],
  projects: SeededProject[],
): Promise<{ allocations: number; timeOff: number; closures: number; responderHours: number }> {
  const rng = ctx.rng.fork('capacity')
  const thisWeek = mondayOf(ctx.today)
  const first = addDays(thisWeek, -12 * 7)
  // The Sunday of the twelfth week ahead.
  const last = addDays(thisWeek, 12 * 7 + 6)
  const byName = (name: string) => {
    const p = people.find((x) => x.name === name)
    if (!p) throw new Error(`no demo person ${name}`)
    return p
  }
  const project = (code: string) => {
    const x = projects.find((y) => y.code === code)
    if (!x) throw new Error(`no demo project ${code}`)
    return x
  }

  const holidays = await ctx.db
    .selectFrom('bankHolidays')
    .select(['region', 'day'])
    .where('day', '>=', addDays(first, -366))
    .where('day', '<=', addDays(last, 366))
    .execute()
  const closures = await seedClosures(
    ctx,
    new Set(holidays.filter((h) => h.region === 'GB-ENG').map((h) => h.day)),
  )
  const offDays = new Set([...holidays.map((h) => h.day), ...closures])

  // Scripted leave first: the random leave keeps clear of it.
  const scripted = new Map<number, Leave[]>()
  const script = (name: string, leave: Omit<Leave, 'personId'>) => {
    const p = byName(name)
    scripted.set(p.id, [...(scripted.get(p.id) ?? []), { personId: p.id, ...leave }])
  }
  // Approved after the bookings were made: the work is still booked over it.
  script('Lucy Hammond', {
    firstDay: addDays(thisWeek, 7 + 3),
    lastDay: addDays(thisWeek, 7 + 4),
    kind: 'annual_leave',
    note: 'Family wedding',
    conflict: true,
  })
  script('Arjun Nair', {
    firstDay: addDays(thisWeek, 4 * 7 + 1),
    lastDay: addDays(thisWeek, 4 * 7 + 3),
    kind: 'training',
    note: 'Azure Integration Services course',
    conflict: true,
  })
  // The cover-risk week: the first from six weeks ahead with no bank holiday or closure.
  let coverWeek = addDays(thisWeek, 6 * 7)
  while ([0, 1, 2, 3, 4].some((d) => offDays.has(addDays(coverWeek, d))))
    coverWeek = addDays(coverWeek, 7)
  for (const name of COURSE)
    script(name, {
      firstDay: addDays(coverWeek, 3),
      lastDay: addDays(coverWeek, 4),
      kind: 'training',
      note: COURSE_NOTE,
    })
  script(COVER_AWAY, {
    firstDay: addDays(coverWeek, 4),
    lastDay: addDays(coverWeek, 4),
    kind: 'annual_leave',
  })

  const timeOff = people.flatMap((p) =>
    leave(rng, p, first, last, offDays, scripted.get(p.id) ?? []),
  )
  // Half days: an appointment here and there, left over the booking (a conflict when the person
  // is booked above 90% that week).
  for (const p of rng.shuffle(people).slice(0, 10)) {
    const mine = [...(scripted.get(p.id) ?? []), ...timeOff.filter((t) => t.personId === p.id)]
    for (let tries = 0; tries < 20; tries++) {
      const day = addDays(first, rng.int(0, 12 * 7 * 2))
      const busy = mine.some((t) => t.firstDay <= day && day <= t.lastDay)
      const employed = day >= p.startDate && (p.endDate === null || day <= p.endDate)
      if (busy || !employed || !worksOn(p, day) || offDays.has(day)) continue
      timeOff.push({
        personId: p.id,
        firstDay: day,
        lastDay: day,
        halfDay: true,
        kind: rng.chance(0.5) ? 'annual_leave' : 'other',
        note: rng.pick(['Medical appointment', 'School event', 'Afternoon off', '']),
      })
      break
    }
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

  await ctx.db.insertInto('allocations').values(allocations).execute()

  const rows = [...[...scripted.values()].flat(), ...timeOff]
    .map(({ conflict: _, ...t }) => ({ ...t, createdAt: ctx.createdAt }))
    .sort((a, b) => a.personId - b.personId || (a.firstDay < b.firstDay ? -1 : 1))
  await ctx.db.insertInto('timeOff').values(rows).execute()

  const responderHours = await seedResponderHours(ctx, people, rows)
  return {
    allocations: allocations.length,
    timeOff: rows.length,
    closures: closures.length,
    responderHours,
  }
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

const worksOn = (p: SeededPerson, day: string) => p.workingDays.includes(isoDow(day))

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

/**
 * The organisation closes between Christmas and New Year: the working days from 27 to 31
 * December that are not bank holidays, the year before this one to the next.
 */
async function seedClosures(ctx: SeedContext, holidays: ReadonlySet<string>): Promise<string[]> {
  const year = Number(ctx.today.slice(0, 4))
  const days = [year - 1, year, year + 1].flatMap((y) =>
    [27, 28, 29, 30, 31]
      .map((d) => `${y}-12-${d}`)
      .filter((day) => isoDow(day) <= 5 && !holidays.has(day)),
  )
  await ctx.db
    .insertInto('closureDays')
    .values(days.map((day) => ({ day, name: 'Christmas closure', createdAt: ctx.createdAt })))
    .execute()
  return days
}

// One block of annual leave in each third of the window, plus the odd sick day and course, on the
// person's working days while employed, clear of bank holidays, closures and scripted leave.
function leave(
  rng: Rng,
  p: SeededPerson,
  first: string,
  last: string,
  offDays: ReadonlySet<string>,
  scripted: readonly Leave[],
): Leave[] {
  const out: Leave[] = []
  const working = (day: string) => worksOn(p, day) && !offDays.has(day)
  const block = (from: string, days: number, kind: 'annual_leave' | 'sick' | 'training') => {
    let start = from
    while (!working(start)) start = addDays(start, 1)
    let end = start
    for (let n = 1; n < days;) {
      end = addDays(end, 1)
      if (working(end)) n++
    }
    const clash = [...scripted, ...out].some((o) => o.firstDay <= end && start <= o.lastDay)
    const employed = start >= p.startDate && (p.endDate === null || end <= p.endDate)
    if (end <= last && employed && !clash)
      out.push({ personId: p.id, firstDay: start, lastDay: end, kind })
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
