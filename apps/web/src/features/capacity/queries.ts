import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import { type RangeSpec, toApiQuery } from '../../lib/range.ts'
import { type CapacityView, gridQuery } from './capacity-view.ts'

/** This week's capacity per team and for all teams. */
export type CapacitySummary = InferResponseType<typeof api.capacity.summary.$get, 200>
/** GET /capacity: the heatmap's weeks per team, and per person when asked (people=true). */
export type CapacityGrid = InferResponseType<typeof api.capacity.$get, 200>
export type GridTeam = CapacityGrid['teams'][number]
export type GridPerson = NonNullable<GridTeam['people']>[number]
export type WeekCell = GridTeam['weeks'][number]
export type PersonWeek = GridPerson['weeks'][number]
/** GET /capacity/people/:id/weeks/:week: the days and bookings behind a person's cell. */
export type PersonWeekDetail = InferResponseType<
  (typeof api.capacity.people)[':id']['weeks'][':week']['$get'],
  200
>
/** GET /capacity/overallocations: person-weeks booked over effective capacity. */
export type Overallocations = InferResponseType<typeof api.capacity.overallocations.$get, 200>
export type Overallocation = Overallocations['items'][number]
/** GET /capacity/run-change: run against change hours by month, and incident toil by team. */
export type RunChange = InferResponseType<(typeof api.capacity)['run-change']['$get'], 200>
/** GET /capacity/cover: weeks a tier-1 service's owner team is under two people available. */
export type Cover = InferResponseType<typeof api.capacity.cover.$get, 200>
export type CoverRisk = Cover['risks'][number]
/** GET /capacity/forecast: demand against capacity by team and role, the next weeks. */
export type Forecast = InferResponseType<typeof api.capacity.forecast.$get, 200>

// Keyed by the range as written in the URL, like the Overview, so a preset keeps one entry.
export const capacityQueries = {
  all: () => ['capacity'] as const,
  summary: (range: RangeSpec) =>
    queryOptions({
      queryKey: [...capacityQueries.all(), 'summary', range] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.capacity.summary.$get({ query: toApiQuery(range, new Date()) }, { init: { signal } }),
        ),
    }),
  /**
   * The heatmap for the page's view: the default weeks, one team or role, the what-if. The teams
   * only (a large organisation's people would be megabytes), or one team with its people.
   */
  grid: (view: CapacityView) =>
    queryOptions({
      queryKey: [...capacityQueries.all(), 'grid', view] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.capacity.$get(
            { query: { ...gridQuery(view), ...(view.team ? { people: 'true' as const } : {}) } },
            { init: { signal } },
          ),
        ),
    }),
  /** A team's people and their weeks, for its heatmap row opened: the view narrowed to it. */
  teamPeople: (view: CapacityView, team: string) =>
    queryOptions({
      ...capacityQueries.grid({ ...view, team }),
      select: (data) => data.teams.find((t) => t.slug === team)?.people ?? [],
    }),
  /** The days and bookings behind a person's week (in one team, as its row shows it). */
  personWeek: (person: number, week: string, team: string | null) =>
    queryOptions({
      queryKey: [...capacityQueries.all(), 'person-week', person, week, team] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.capacity.people[':id'].weeks[':week'].$get(
            { param: { id: String(person), week }, query: team ? { team } : {} },
            { init: { signal } },
          ),
        ),
    }),
  /** Over-allocated person-weeks from this week, the next 12 by default. */
  overallocations: (includeTentative: boolean) =>
    queryOptions({
      queryKey: [...capacityQueries.all(), 'overallocations', includeTentative] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.capacity.overallocations.$get(
            { query: { includeTentative: includeTentative ? 'true' : 'false' } },
            { init: { signal } },
          ),
        ),
    }),
  /** Run against change by month over the heatmap's months, of one team or all. */
  runChange: (team: string | null) =>
    queryOptions({
      queryKey: [...capacityQueries.all(), 'run-change', team] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.capacity['run-change'].$get({ query: team ? { team } : {} }, { init: { signal } }),
        ),
    }),
  /** Cover risk for tier-1 services, this week and the 11 after it. */
  cover: () =>
    queryOptions({
      queryKey: [...capacityQueries.all(), 'cover'] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.capacity.cover.$get({ query: {} }, { init: { signal } })),
    }),
  /** Demand (tentative included) against capacity, the next 12 weeks. */
  forecast: () =>
    queryOptions({
      queryKey: [...capacityQueries.all(), 'forecast'] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.capacity.forecast.$get({ query: {} }, { init: { signal } })),
    }),
  /** Every team by name, for the filter (the heatmap's answer holds only the team chosen). */
  teams: () =>
    queryOptions({
      queryKey: ['teams', 'list'] as const,
      queryFn: ({ signal }) => fetchJson(api.teams.$get({}, { init: { signal } })),
      select: (data) => data.teams.map((t) => ({ slug: t.slug, name: t.name })),
    }),
  /** The roles people hold, for the filter, from the people list (shared with other forms' cache). */
  roles: () =>
    queryOptions({
      queryKey: ['people', 'list'] as const,
      queryFn: ({ signal }) => fetchJson(api.people.$get({ query: {} }, { init: { signal } })),
      select: (data) =>
        [...new Set(data.people.map((p) => p.role))].sort((a, b) => a.localeCompare(b)),
    }),
}
