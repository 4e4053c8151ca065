import type { InferResponseType } from 'hono/client'
import type {
  CapacityGrid,
  GridPerson,
  PersonWeek,
  PersonWeekDetail,
  WeekCell,
} from '../features/capacity/queries.ts'
import type { api } from '../lib/api.ts'

// GET /capacity and GET /capacity/people/:id/weeks/:week, typed from the API's own response
// types: a changed field fails here first.
// Three ISO weeks around Christmas 2026, this week W52 (21 Dec, Christmas Day on the Friday):
// - Alice Smith (SRE, Platform): in W52 a day off (Thu 24) and the bank holiday leave 22.5 h
//   effective, with 30 h confirmed booked (24 h on Citizen Portal, 6 h run): 133%, over.
// - Bob Jones (Engineer, Platform): 80% confirmed in W52, 140% with 18 h tentative project work;
//   in W53 off on both of his working days left: no effective capacity.
// - Carol Diaz (Analyst, Service Desk, Mon–Thu): 50% support every week.
// - Data: a team with nobody in it.
// W53 has Boxing Day's substitute (Mon 28), a closure (Thu 31) and New Year's Day (Fri 1).

type Kinds = { project: number; run: number; support: number }
interface Figures {
  capacity: number
  timeOff?: number
  confirmed?: Partial<Kinds>
  tentative?: Partial<Kinds>
  bookedOverLeave?: number
  toil?: number
}

const kinds = (k: Partial<Kinds> = {}): Kinds => ({ project: 0, run: 0, support: 0, ...k })
const sum = (k: Kinds) => k.project + k.run + k.support
const ratio = (booked: number, effective: number) => (effective > 0 ? booked / effective : null)

/** A week's figures as the API works them from these hours (the fixture's arithmetic, not the page's). */
function cell(week: string, f: Figures, includeTentative: boolean): WeekCell {
  const confirmed = kinds(f.confirmed)
  const tentative = kinds(f.tentative)
  const effective = f.capacity - (f.timeOff ?? 0)
  const withTentative = sum(confirmed) + sum(tentative)
  const booked = includeTentative ? withTentative : sum(confirmed)
  return {
    week,
    capacity: f.capacity,
    timeOff: f.timeOff ?? 0,
    effective,
    booked: { confirmed, tentative },
    bookedHours: booked,
    utilization: ratio(booked, effective),
    utilizationConfirmed: ratio(sum(confirmed), effective),
    utilizationWithTentative: ratio(withTentative, effective),
    freeHours: Math.max(0, effective - booked),
    overHours: Math.max(0, booked - effective),
    overAllocated: booked > effective,
    bookedOverLeave: f.bookedOverLeave ?? 0,
    toil: f.toil ?? 0,
    focus: Math.max(0, effective - (f.toil ?? 0)),
  }
}

type Detail = Omit<PersonWeekDetail, 'person' | 'week' | 'team'>
const noDetail: Detail = {
  bankHolidays: [],
  closures: [],
  timeOff: [],
  timeOffDays: 0,
  allocations: [],
}

const personWeek = (week: string, f: Figures, includeTentative: boolean): PersonWeek => ({
  ...cell(week, f, includeTentative),
  inTeam: true,
})

const W51 = '2026-12-14'
const W52 = '2026-12-21'
const W53 = '2026-12-28'
const christmas = { day: '2026-12-25', name: 'Christmas Day' }
const boxingDay = { day: '2026-12-28', name: 'Boxing Day (substitute day)' }
const newYear = { day: '2027-01-01', name: 'New Year’s Day' }
const closure = { day: '2026-12-31', name: 'Year-end closure' }
const portal = { code: 'PRJ-0018', name: 'Citizen Portal Replatform' }

const booking = (
  allocationId: number,
  kind: 'project' | 'run' | 'support',
  hours: number,
  status: 'confirmed' | 'tentative' = 'confirmed',
) => ({ allocationId, kind, status, project: kind === 'project' ? portal : null, hours })

// Each person's weeks, as figures and detail (before includeTentative is applied).
const PEOPLE = [
  {
    team: 'platform',
    person: { id: 11, name: 'Alice Smith', role: 'SRE' },
    weeks: [
      [
        W51,
        { capacity: 37.5, confirmed: { project: 30 } },
        { allocations: [booking(101, 'project', 30)] },
      ],
      [
        W52,
        {
          capacity: 30,
          timeOff: 7.5,
          confirmed: { project: 24, run: 6 },
          bookedOverLeave: 7.5,
          toil: 2,
        },
        {
          bankHolidays: [christmas],
          timeOff: [{ day: '2026-12-24', share: 1 }],
          timeOffDays: 1,
          allocations: [booking(101, 'project', 24), booking(102, 'run', 6)],
        },
      ],
      [
        W53,
        { capacity: 15, confirmed: { project: 12 }, tentative: { support: 3 } },
        {
          bankHolidays: [boxingDay, newYear],
          closures: [closure],
          allocations: [booking(101, 'project', 12), booking(103, 'support', 3, 'tentative')],
        },
      ],
    ],
  },
  {
    team: 'platform',
    person: { id: 12, name: 'Bob Jones', role: 'Engineer' },
    weeks: [
      [
        W51,
        { capacity: 37.5, confirmed: { run: 15 }, tentative: { project: 22.5 } },
        { allocations: [booking(104, 'run', 15), booking(105, 'project', 22.5, 'tentative')] },
      ],
      [
        W52,
        { capacity: 30, confirmed: { run: 12, support: 12 }, tentative: { project: 18 } },
        {
          bankHolidays: [christmas],
          allocations: [
            booking(104, 'run', 12),
            booking(106, 'support', 12),
            booking(105, 'project', 18, 'tentative'),
          ],
        },
      ],
      [
        W53,
        { capacity: 15, timeOff: 15 },
        {
          bankHolidays: [boxingDay, newYear],
          closures: [closure],
          timeOff: [
            { day: '2026-12-29', share: 1 },
            { day: '2026-12-30', share: 1 },
          ],
          timeOffDays: 2,
        },
      ],
    ],
  },
  {
    team: 'service-desk',
    person: { id: 21, name: 'Carol Diaz', role: 'Analyst' },
    weeks: [
      [
        W51,
        { capacity: 30, confirmed: { support: 15 } },
        { allocations: [booking(107, 'support', 15)] },
      ],
      [
        W52,
        { capacity: 30, confirmed: { support: 15 } },
        { allocations: [booking(107, 'support', 15)] },
      ],
      [
        W53,
        { capacity: 15, confirmed: { support: 7.5 } },
        {
          bankHolidays: [boxingDay],
          closures: [closure],
          allocations: [booking(107, 'support', 7.5)],
        },
      ],
    ],
  },
] as const satisfies readonly {
  team: string
  person: { id: number; name: string; role: string }
  weeks: readonly (readonly [string, Figures, Partial<Detail>])[]
}[]

const TEAMS = [
  { id: 1, slug: 'platform', name: 'Platform' },
  { id: 2, slug: 'service-desk', name: 'Service Desk' },
  { id: 3, slug: 'data', name: 'Data' },
]
const WEEKS = [W51, W52, W53]

/** A team's (or all teams') week: the sum of its people's hours, as the API sums their days. */
function sumWeek(week: string, figures: readonly Figures[], includeTentative: boolean): WeekCell {
  const add = (pick: (f: Figures) => Partial<Kinds> | undefined) =>
    figures.reduce<Kinds>((acc, f) => {
      const k = kinds(pick(f))
      return {
        project: acc.project + k.project,
        run: acc.run + k.run,
        support: acc.support + k.support,
      }
    }, kinds())
  const total = (pick: (f: Figures) => number | undefined) =>
    figures.reduce((acc, f) => acc + (pick(f) ?? 0), 0)
  return cell(
    week,
    {
      capacity: total((f) => f.capacity),
      timeOff: total((f) => f.timeOff),
      confirmed: add((f) => f.confirmed),
      tentative: add((f) => f.tentative),
      bookedOverLeave: total((f) => f.bookedOverLeave),
      toil: total((f) => f.toil),
    },
    includeTentative,
  )
}

/**
 * GET /capacity for the three weeks, confirmed work only or with tentative work (the what-if);
 * the teams only, or with their people (people=true).
 */
export function capacityGridFixture({
  includeTentative = false,
  people = false,
} = {}): CapacityGrid {
  const figuresOf = (team: string | null, week: string) =>
    PEOPLE.filter((p) => team === null || p.team === team).map(
      (p) => (p.weeks.find(([w]) => w === week) as readonly [string, Figures, unknown])[1],
    )
  return {
    from: W51,
    to: '2027-01-03',
    weeks: WEEKS,
    thisWeek: W52,
    includeTentative,
    team: null,
    role: null,
    total: WEEKS.map((w) => sumWeek(w, figuresOf(null, w), includeTentative)),
    teams: TEAMS.map((team) => {
      const members = PEOPLE.filter((p) => p.team === team.slug)
      return {
        ...team,
        headcount: members.length,
        weeks: WEEKS.map((w) => sumWeek(w, figuresOf(team.slug, w), includeTentative)),
        people: people
          ? members.map((p): GridPerson => ({
              ...p.person,
              weeks: p.weeks.map(([w, f]) => personWeek(w, f, includeTentative)),
            }))
          : null,
      }
    }),
    definitions: { utilization: 'utilization', effective: 'effectiveCapacity' },
  }
}

/** GET /capacity/people/:id/weeks/:week?team=: the days and bookings behind a person's cell. */
export function personWeekFixture(id: number, week: string, team: string | null): PersonWeekDetail {
  const p = PEOPLE.find((x) => x.person.id === id)
  const detail = p?.weeks.find(([w]) => w === week)?.[2]
  if (!p) throw new Error(`no person ${id} in the fixture`)
  const inTeam = team === null || team === p.team
  return { person: p.person, week, team, ...noDetail, ...(inTeam ? detail : {}) }
}

type TeamList = InferResponseType<typeof api.teams.$get, 200>
type PeopleList = InferResponseType<typeof api.people.$get, 200>

/** GET /teams: the filter's teams, by name. */
export const teamListFixture = (): TeamList => ({
  teams: TEAMS.map((t, i) => ({
    ...t,
    members: [2, 1, 0][i] ?? 0,
    createdAt: '2026-01-05T09:00:00.000Z',
  })).sort((a, b) => a.name.localeCompare(b.name)),
})

/** GET /people: the filter's roles come from these. */
export const capacityPeopleFixture = (): PeopleList => ({
  people: PEOPLE.map(({ team, person }) => ({
    ...person,
    email: null,
    team: TEAMS.find((t) => t.slug === team) ?? { id: 0, slug: team, name: team },
    skills: [],
    contractedHoursPerWeek: person.id === 21 ? 30 : 37.5,
    workingDays: person.id === 21 ? [1, 2, 3, 4] : [1, 2, 3, 4, 5],
    costRatePencePerHour: 0,
    startDate: null,
    endDate: null,
    bankHolidayRegion: null,
  })),
  truncated: false,
})
