import type { Insertable } from 'kysely'
import type { TimeOffTable } from '../schema/capacity.ts'
import { worksOn } from './capacity-calendar.ts'
import type { SeededPerson } from './context.ts'
import type { Rng } from './rng.ts'
import { addDays } from './time.ts'

export type Leave = Omit<Insertable<TimeOffTable>, 'createdAt'> & {
  /** Left over the work booked on its days: a conflict for the manager to move. */
  conflict?: boolean
}

// The cover-risk day: four of Networks & Security on a course and its manager on leave, the
// leaver gone and the part-timer's day off, leave one engineer for core network, VPN and SSO.
const COURSE = ['Viktor Horvath', 'Sophie Turner', 'Chris Bailey', 'Ben Ellis']
const COURSE_NOTE = 'Fortinet NSE 4 course (Thursday and Friday)'
const COVER_AWAY = 'Andrew Campbell'

/**
 * Everyone's time off in the window: the scripted leave of the demo's story (two conflicts and
 * the cover-risk day), then blocks of leave, the odd sick day and course clear of it, and half
 * days. `scripted` is by person id; `timeOff` holds the rest.
 */
export function planLeave(args: {
  rng: Rng
  people: SeededPerson[]
  thisWeek: string
  first: string
  last: string
  /** Bank holidays of every region and closure days. */
  offDays: ReadonlySet<string>
  byName: (name: string) => SeededPerson
}): { scripted: Map<number, Leave[]>; timeOff: Leave[] } {
  const { rng, people, thisWeek, first, last, offDays, byName } = args
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
  return { scripted, timeOff }
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
