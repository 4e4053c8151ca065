import { PROJECT_STATUSES } from '@opsdeck/contract'
import { queryOptions } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'

/** GET /people/:id: the person, their teams (newest first) and their bank-holiday region. */
export type PersonRecord = InferResponseType<(typeof api.people)[':id']['$get'], 200>
export type Membership = PersonRecord['memberships'][number]
/** GET /capacity: the heatmap's week grid, here for one team and role with its people. */
export type CapacityGrid = InferResponseType<typeof api.capacity.$get, 200>
export type GridPersonWeek = NonNullable<
  CapacityGrid['teams'][number]['people']
>[number]['weeks'][number]
export type AllocationList = InferResponseType<typeof api.allocations.$get, 200>
export type Allocation = AllocationList['allocations'][number]
export type AllocationPreview = InferResponseType<typeof api.allocations.preview.$post, 200>
export type TimeOffList = InferResponseType<(typeof api)['time-off']['$get'], 200>
export type TimeOff = TimeOffList['timeOff'][number]
export type PreviewBody = InferRequestType<typeof api.allocations.preview.$post>['json']
export type TeamList = InferResponseType<typeof api.teams.$get, 200>
export type ProjectList = InferResponseType<typeof api.projects.$get, 200>

const BOOKABLE = PROJECT_STATUSES.filter((s) => s !== 'closed' && s !== 'cancelled')

// The person page's reads. Everything lives under ['capacity', 'person', id] so a capacity write
// (which invalidates ['capacity']) refreshes the page along with the heatmap.
export const personQueries = {
  all: (id: number) => ['capacity', 'person', id] as const,
  record: (id: number) =>
    queryOptions({
      queryKey: [...personQueries.all(id), 'record'] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.people[':id'].$get({ param: { id: String(id) } }, { init: { signal } })),
    }),
  /**
   * One team's grid (the default 12 weeks back and 12 ahead) for the person's role, with its
   * people: their weeks in that team. A person who moved needs each team's, merged by
   * person-weeks.ts.
   */
  teamWeeks: (id: number, team: string, role: string) =>
    queryOptions({
      queryKey: [...personQueries.all(id), 'weeks', team, role] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.capacity.$get({ query: { team, role, people: 'true' } }, { init: { signal } }),
        ),
    }),
  allocations: (id: number) =>
    queryOptions({
      queryKey: [...personQueries.all(id), 'allocations'] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.allocations.$get({ query: { person: String(id) } }, { init: { signal } })),
    }),
  timeOff: (id: number) =>
    queryOptions({
      queryKey: [...personQueries.all(id), 'time-off'] as const,
      queryFn: ({ signal }) =>
        fetchJson(api['time-off'].$get({ query: { person: String(id) } }, { init: { signal } })),
    }),
  /** The effect of an allocation being edited on the person's weeks (a POST that writes nothing). */
  preview: (id: number, body: PreviewBody) =>
    queryOptions({
      queryKey: [...personQueries.all(id), 'preview', body] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.allocations.preview.$post({ json: body }, { init: { signal } })),
    }),
  /** Teams to move someone to. */
  teams: () =>
    queryOptions({
      queryKey: ['capacity', 'teams'] as const,
      queryFn: ({ signal }) => fetchJson(api.teams.$get({}, { init: { signal } })),
    }),
  /** Projects someone can be booked to (neither closed nor cancelled, as the API holds), by code. */
  liveProjects: () =>
    queryOptions({
      queryKey: ['projects', 'picker', 'live'] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.projects.$get({ query: { status: BOOKABLE.join(',') } }, { init: { signal } }),
        ),
      select: (data) => data.projects.map((p) => ({ code: p.code, name: p.name })),
    }),
}
