import type {
  ClosureDay,
  ClosureDayList,
  PeopleList,
  PersonRow,
  Team,
  TeamList,
} from '../features/capacity/organisation-queries.ts'
import { personRecord } from './person-fixture.ts'

// The People page's and the Teams and calendar page's answers, typed from the API's response
// types through the feature's organisation-queries.ts: a changed field fails here. Today is
// Wednesday 2 December 2026 in the tests.

const platform = { id: 3, slug: 'platform', name: 'Platform' }
const network = { id: 4, slug: 'network', name: 'Network' }

export const personRow = (over: Partial<PersonRow> = {}): PersonRow => ({
  id: 42,
  name: 'Priya Shah',
  email: 'priya@example.org',
  team: platform,
  role: 'SRE',
  skills: ['Kubernetes', 'Postgres'],
  contractedHoursPerWeek: 22.5,
  workingDays: [1, 2, 3],
  costRatePencePerHour: 6_000,
  startDate: '2025-01-06',
  endDate: null,
  bankHolidayRegion: 'GB-SCT',
  ...over,
})

/** Ali (Network, full time), Priya (Platform, Mon–Wed) and, with those who left, Jo (left). */
export const peopleList = (includeLeft = false): PeopleList => ({
  people: [
    personRow({
      id: 7,
      name: 'Ali Khan',
      email: 'ali@example.org',
      team: network,
      role: 'Network engineer',
      skills: [],
      contractedHoursPerWeek: 37.5,
      workingDays: [1, 2, 3, 4, 5],
      bankHolidayRegion: null,
    }),
    ...(includeLeft
      ? [
          personRow({
            id: 9,
            name: 'Jo Bloggs',
            email: null,
            role: 'SRE',
            contractedHoursPerWeek: 30,
            workingDays: [1, 2, 4, 5],
            endDate: '2026-06-30',
          }),
        ]
      : []),
    personRow(),
  ],
  truncated: false,
})

const team = (over: Partial<Team> & Pick<Team, 'id' | 'slug' | 'name'>): Team => ({
  members: 0,
  createdAt: '2024-01-01T00:00:00.000Z',
  ...over,
})

export const teamsList = (): TeamList => ({
  teams: [
    team({ ...network, members: 5 }),
    team({ ...platform, members: 6 }),
    team({ id: 5, slug: 'service-desk', name: 'Service desk', members: 1 }),
  ],
})

/** The Christmas closure: 29–31 December 2026; and one past day, 2 January 2026. */
export const closureDayList = (extra: ClosureDay[] = []): ClosureDayList => ({
  closureDays: [
    closureDay('2026-01-02', 'New Year closure'),
    closureDay('2026-12-29', 'Christmas shutdown'),
    closureDay('2026-12-30', 'Christmas shutdown'),
    closureDay('2026-12-31', 'Christmas shutdown'),
    ...extra,
  ].sort((a, b) => a.day.localeCompare(b.day)),
})

export function closureDay(day: string, name: string): ClosureDay {
  return { day, name, createdAt: '2026-10-01T09:00:00.000Z' }
}

/** POST /people's answer for Sam Patel, id 57, in Service desk. */
export const newPersonRecord = () =>
  personRecord({
    id: 57,
    name: 'Sam Patel',
    email: 'sam@example.org',
    team: { id: 5, slug: 'service-desk', name: 'Service desk' },
    role: 'Analyst',
    skills: ['ITIL'],
    contractedHoursPerWeek: 30,
    workingDays: [1, 2, 3, 4],
    costRatePencePerHour: 3_250,
    startDate: '2027-01-04',
    bankHolidayRegion: null,
    region: { code: 'GB-ENG', source: 'organisation' },
    memberships: [
      {
        team: { id: 5, slug: 'service-desk', name: 'Service desk' },
        firstDay: '2027-01-04',
        lastDay: null,
      },
    ],
  })
