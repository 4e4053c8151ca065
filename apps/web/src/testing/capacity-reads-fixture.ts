import type { Cover, Forecast, Overallocations, RunChange } from '../features/capacity/queries.ts'

// The Capacity page's other reads, typed from the API's answers, in the same Christmas 2026 weeks as
// capacity-grid-fixture.ts (this week W52, from 21 Dec).

const platform = { id: 1, slug: 'platform', name: 'Platform' }
const serviceDesk = { id: 2, slug: 'service-desk', name: 'Service Desk' }
const portal = { code: 'PRJ-0018', name: 'Citizen Portal Replatform' }

/** Alice over in W52 with a day of leave booked over; Bob too, only with tentative work. */
export function overallocationsFixture({ includeTentative = false } = {}): Overallocations {
  const alice = {
    person: { id: 11, name: 'Alice Smith', role: 'SRE' },
    team: platform,
    week: '2026-12-21',
    booked: 30,
    effective: 22.5,
    overHours: 7.5,
    utilization: 30 / 22.5,
    allocations: [
      { allocationId: 101, kind: 'project', status: 'confirmed', project: portal, hours: 24 },
      { allocationId: 102, kind: 'run', status: 'confirmed', project: null, hours: 6 },
    ],
    leaveConflicts: [{ day: '2026-12-24', share: 1, bookedOverLeave: 7.5 }],
  } satisfies Overallocations['items'][number]
  const bob = {
    person: { id: 12, name: 'Bob Jones', role: 'Engineer' },
    team: platform,
    week: '2026-12-21',
    booked: 42,
    effective: 30,
    overHours: 12,
    utilization: 1.4,
    allocations: [
      { allocationId: 104, kind: 'run', status: 'confirmed', project: null, hours: 12 },
      { allocationId: 106, kind: 'support', status: 'confirmed', project: null, hours: 12 },
      { allocationId: 105, kind: 'project', status: 'tentative', project: portal, hours: 18 },
    ],
    leaveConflicts: [],
  } satisfies Overallocations['items'][number]
  return {
    from: '2026-12-21',
    to: '2027-03-14',
    includeTentative,
    // By week, then most hours over first.
    items: includeTentative ? [bob, alice] : [alice],
    definitions: { utilization: 'utilization' },
  }
}

const split = (
  projectHours: number,
  runHours: number,
  supportHours: number,
  incidentHours: number,
) => {
  const run = runHours + supportHours + incidentHours
  const all = run + projectHours
  return {
    projectHours,
    runHours,
    supportHours,
    incidentHours,
    run,
    change: projectHours,
    runShare: all > 0 ? run / all : null,
    changeShare: all > 0 ? projectHours / all : null,
  }
}

/** November and December: change 400 h then 300 h; run grows with December's incidents. */
export const runChangeFixture = (): RunChange => ({
  from: '2026-11-01',
  to: '2026-12-31',
  team: null,
  months: [
    { month: '2026-11', ...split(400, 150, 80, 20) },
    { month: '2026-12', ...split(300, 160, 90, 50) },
  ],
  total: split(700, 310, 170, 70),
  toilByTeam: [
    {
      team: platform,
      months: [
        { month: '2026-11', hours: 20 },
        { month: '2026-12', hours: 45 },
      ],
      total: 65,
    },
    {
      team: serviceDesk,
      months: [
        { month: '2026-11', hours: 0 },
        { month: '2026-12', hours: 5 },
      ],
      total: 5,
    },
  ],
  definitions: { run: 'runChangeSplit' },
})

/** Platform, owner of the tier-1 Payments API, has Alice alone on Tue 29 and Wed 30 Dec. */
export const coverFixture = (): Cover => ({
  from: '2026-12-21',
  to: '2027-03-14',
  minimum: 2,
  risks: [
    {
      week: '2026-12-28',
      team: platform,
      services: [
        { slug: 'payments-api', name: 'Payments API' },
        { slug: 'identity', name: 'Identity' },
      ],
      days: [
        { day: '2026-12-29', available: 1, people: [{ id: 11, name: 'Alice Smith' }] },
        { day: '2026-12-30', available: 1, people: [{ id: 11, name: 'Alice Smith' }] },
      ],
    },
  ],
  definitions: { cover: 'coverRisk' },
})

const fweek = (week: string, demand: number, effective: number) => ({
  week,
  demand,
  effective,
  utilization: effective > 0 ? demand / effective : null,
  overHours: Math.max(0, demand - effective),
  over: demand > effective,
})

/** Platform over in W52 with tentative work; Service Desk at half its capacity throughout. */
export const forecastFixture = (): Forecast => ({
  from: '2026-12-21',
  to: '2027-01-10',
  weeks: ['2026-12-21', '2026-12-28', '2027-01-04'],
  includeTentative: true,
  teams: [
    {
      team: platform,
      overWeeks: 1,
      weeks: [
        fweek('2026-12-21', 72, 52.5),
        fweek('2026-12-28', 15, 15),
        fweek('2027-01-04', 60, 75),
      ],
    },
    {
      team: serviceDesk,
      overWeeks: 0,
      weeks: [
        fweek('2026-12-21', 15, 30),
        fweek('2026-12-28', 7.5, 15),
        fweek('2027-01-04', 15, 30),
      ],
    },
  ],
  roles: [
    {
      role: 'Engineer',
      overWeeks: 1,
      weeks: [
        fweek('2026-12-21', 42, 30),
        fweek('2026-12-28', 0, 0),
        fweek('2027-01-04', 30, 37.5),
      ],
    },
    {
      role: 'Analyst',
      overWeeks: 0,
      weeks: [
        fweek('2026-12-21', 15, 30),
        fweek('2026-12-28', 7.5, 15),
        fweek('2027-01-04', 15, 30),
      ],
    },
  ],
  definitions: { demand: 'utilization' },
})
