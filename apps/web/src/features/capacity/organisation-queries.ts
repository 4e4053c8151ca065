import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import { type PeopleView, peopleQuery } from './people-view.ts'

/** GET /people: the people list (by name), with `truncated` past the API's 500. */
export type PeopleList = InferResponseType<typeof api.people.$get, 200>
export type PersonRow = PeopleList['people'][number]
/** GET /teams: every team by name with its members today. */
export type TeamList = InferResponseType<typeof api.teams.$get, 200>
export type Team = TeamList['teams'][number]
/** GET /closure-days: the organisation's closure days, by day. */
export type ClosureDayList = InferResponseType<(typeof api)['closure-days']['$get'], 200>
export type ClosureDay = ClosureDayList['closureDays'][number]

// The People page and the Teams and calendar page. People under ['people'] and the closure days
// under ['capacity'], so the writes that refresh the heatmap and the pickers refresh these too.
export const organisationQueries = {
  people: (view: PeopleView) =>
    queryOptions({
      queryKey: ['people', 'directory', view] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.people.$get({ query: peopleQuery(view) }, { init: { signal } })),
    }),
  /** Every team with its id and members; the same request (and cache entry) as the filters'. */
  teams: () =>
    queryOptions({
      queryKey: ['teams', 'list'] as const,
      queryFn: ({ signal }) => fetchJson(api.teams.$get({}, { init: { signal } })),
    }),
  /** Closure days from one day to another (inclusive). */
  closureDays: (from: string, to: string) =>
    queryOptions({
      queryKey: ['capacity', 'closure-days', from, to] as const,
      queryFn: ({ signal }) =>
        fetchJson(api['closure-days'].$get({ query: { from, to } }, { init: { signal } })),
    }),
}
