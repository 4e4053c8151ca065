import type {
  Allocation,
  AllocationPreview,
  CapacityGrid,
  GridPersonWeek,
  PersonRecord,
  ProjectList,
  TeamList,
  TimeOff,
} from '../features/capacity/person-queries.ts'

// The person page's answers, typed from the API's own response types through the feature's
// person-queries.ts: a changed field fails here. Today is Wednesday 2 December 2026 in the tests.

export const PERSON_ID = 42
export const THIS_WEEK = '2026-11-30'

/** Priya Shah: SRE in Platform since July (Network before), 22.5 h Mon–Wed, Scottish holidays. */
export const personRecord = (over: Partial<PersonRecord> = {}): PersonRecord => ({
  id: PERSON_ID,
  name: 'Priya Shah',
  email: 'priya@example.org',
  team: { id: 3, slug: 'platform', name: 'Platform' },
  role: 'SRE',
  skills: ['Kubernetes', 'Postgres'],
  contractedHoursPerWeek: 22.5,
  workingDays: [1, 2, 3],
  costRatePencePerHour: 6_000,
  startDate: '2025-01-06',
  endDate: null,
  bankHolidayRegion: 'GB-SCT',
  region: { code: 'GB-SCT', source: 'person' },
  memberships: [
    { team: { id: 3, slug: 'platform', name: 'Platform' }, firstDay: '2026-07-01', lastDay: null },
    {
      team: { id: 4, slug: 'network', name: 'Network' },
      firstDay: '2025-01-06',
      lastDay: '2026-06-30',
    },
  ],
  createdAt: '2025-01-02T09:00:00.000Z',
  updatedAt: '2026-07-01T09:00:00.000Z',
  ...over,
})

const DAY_MS = 86_400_000
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)

/** The grid's 25 Mondays: 12 weeks back, this week, 12 ahead. */
export const WEEKS = Array.from({ length: 25 }, (_, i) => addDays(THIS_WEEK, (i - 12) * 7))

const hours = (project = 0, run = 0, support = 0) => ({ project, run, support })

/** A week of Priya's: 22.5 h effective, `confirmed` and `tentative` project hours booked. */
export function gridWeek(week: string, confirmed: number, tentative = 0): GridPersonWeek {
  const effective = 22.5
  const withT = confirmed + tentative
  return {
    week,
    capacity: effective,
    timeOff: 0,
    effective,
    booked: { confirmed: hours(confirmed), tentative: hours(tentative) },
    bookedHours: confirmed,
    utilization: confirmed / effective,
    utilizationConfirmed: confirmed / effective,
    utilizationWithTentative: withT / effective,
    freeHours: Math.max(0, effective - confirmed),
    overHours: Math.max(0, confirmed - effective),
    overAllocated: confirmed > effective,
    bookedOverLeave: 0,
    toil: 0,
    focus: effective,
    inTeam: true,
  }
}

/** A team's or all teams' cell: a person's week without the person-only field. */
function teamCell(w: GridPersonWeek): CapacityGrid['total'][number] {
  const { inTeam, ...cell } = w
  void inTeam
  return cell
}

/**
 * Platform's grid for Priya's role: 18 h a week (80%); the week of 14 Dec 27 h confirmed (120%);
 * the week of 21 Dec 18 h confirmed and 9 h tentative (120% only with tentative work).
 */
export function platformGrid(): CapacityGrid {
  const weeks = WEEKS.map((w) =>
    w === '2026-12-14'
      ? gridWeek(w, 27)
      : w === '2026-12-21'
        ? gridWeek(w, 18, 9)
        : gridWeek(w, 18),
  )
  const cell = teamCell(weeks[0]!)
  return {
    from: WEEKS[0]!,
    to: addDays(WEEKS.at(-1)!, 6),
    weeks: WEEKS,
    thisWeek: THIS_WEEK,
    includeTentative: false,
    team: 'platform',
    role: 'SRE',
    total: WEEKS.map((week) => ({ ...cell, week })),
    teams: [
      {
        id: 3,
        slug: 'platform',
        name: 'Platform',
        headcount: 1,
        weeks: WEEKS.map((week) => ({ ...cell, week })),
        people: [{ id: PERSON_ID, name: 'Priya Shah', role: 'SRE', weeks }],
      },
    ],
    definitions: { utilization: 'utilization' },
  }
}

export const allocation = (over: Partial<Allocation> = {}): Allocation => ({
  id: 71,
  person: { id: PERSON_ID, name: 'Priya Shah' },
  team: { id: 3, slug: 'platform', name: 'Platform' },
  kind: 'project',
  project: { code: 'PRJ-0012', name: 'Network refresh' },
  firstDay: '2026-10-05',
  lastDay: '2027-03-26',
  hoursPerWeek: 18,
  percent: null,
  weeklyHours: 18,
  status: 'confirmed',
  note: 'Core switches',
  createdAt: '2026-09-20T09:00:00.000Z',
  updatedAt: '2026-09-20T09:00:00.000Z',
  createdBy: { id: 2, name: 'Mo Manager' },
  ...over,
})

/** One current project booking and a past run booking (folded). */
export const allocationList = (allocations: Allocation[] = defaultAllocations()) => ({
  allocations,
  truncated: false,
})

const defaultAllocations = () => [
  allocation({
    id: 60,
    kind: 'run',
    project: null,
    firstDay: '2026-01-05',
    lastDay: '2026-06-30',
    hoursPerWeek: null,
    percent: 50,
    weeklyHours: 11.25,
    note: '',
  }),
  allocation(),
]

export const timeOff = (over: Partial<TimeOff> = {}): TimeOff => ({
  id: 81,
  person: { id: PERSON_ID, name: 'Priya Shah' },
  firstDay: '2026-12-21',
  lastDay: '2026-12-23',
  kind: 'annual_leave',
  halfDay: false,
  note: 'Christmas',
  createdAt: '2026-11-01T09:00:00.000Z',
  createdBy: { id: 2, name: 'Mo Manager' },
  ...over,
})

export const timeOffList = (items: TimeOff[] = [timeOff()]) => ({
  timeOff: items,
  truncated: false,
})

const previewWeek = (week: string, booked: number) => {
  const effective = 22.5
  const figures = {
    booked,
    utilization: booked / effective,
    freeHours: Math.max(0, effective - booked),
    overHours: Math.max(0, booked - effective),
    overAllocated: booked > effective,
  }
  return { week, capacity: effective, effective, confirmed: figures, withTentative: figures }
}

/** 10 h a week more over two weeks: 80% → 124% (turns over 100%), then 36% → 80%. */
export const allocationPreview = (): AllocationPreview => ({
  person: { id: PERSON_ID, name: 'Priya Shah' },
  weeks: [
    {
      week: '2027-01-04',
      before: previewWeek('2027-01-04', 18),
      after: previewWeek('2027-01-04', 28),
    },
    {
      week: '2027-01-11',
      before: previewWeek('2027-01-11', 8),
      after: previewWeek('2027-01-11', 18),
    },
  ],
})

export const teamList = (): TeamList => ({
  teams: [
    { id: 4, slug: 'network', name: 'Network', members: 5, createdAt: '2024-01-01T00:00:00.000Z' },
    {
      id: 3,
      slug: 'platform',
      name: 'Platform',
      members: 6,
      createdAt: '2024-01-01T00:00:00.000Z',
    },
    {
      id: 5,
      slug: 'service-desk',
      name: 'Service desk',
      members: 8,
      createdAt: '2024-01-01T00:00:00.000Z',
    },
  ],
})

const project = (code: string, name: string): ProjectList['projects'][number] => ({
  code,
  name,
  status: 'active',
  startDate: '2026-01-01',
  endDate: '2027-06-30',
  owner: null,
  sponsor: '',
  bac: 0,
})

export const projectList = (): ProjectList => ({
  projects: [project('PRJ-0012', 'Network refresh'), project('PRJ-0015', 'Data centre exit')],
})
