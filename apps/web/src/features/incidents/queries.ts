import { infiniteQueryOptions, queryOptions, useMutation } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import { type RangeSpec, toApiQuery } from '../../lib/range.ts'
import { type AnalyticsFilters, toMetricsQuery } from './analytics-view.ts'
import { type IncidentsView, toListQuery } from './list-view.ts'

/** Open incidents by severity now; MTTA and MTTR over the range. */
export type IncidentsSummary = InferResponseType<typeof api.incidents.summary.$get, 200>
/** A page of the list: open first, then by severity, then newest; `nextCursor` for the next. */
export type IncidentList = InferResponseType<typeof api.incidents.$get, 200>
export type IncidentListItem = IncidentList['incidents'][number]
/** One incident with its timeline, downtime, review and follow-up actions. */
export type IncidentDetail = InferResponseType<(typeof api.incidents)[':ref']['$get'], 200>
export type TimelineEvent = IncidentDetail['timeline'][number]
export type ActionItem = IncidentDetail['actions'][number]
export type ResponseTargets = NonNullable<IncidentListItem['responseTargets']>
export type MilestoneTarget = ResponseTargets['ack']
/** Response and reliability figures of the incidents that started in a range, filtered. */
export type IncidentMetrics = InferResponseType<typeof api.incidents.metrics.$get, 200>

const refParam = (ref: string) => ({ ref })

// Keyed by the range as written in the URL, like the Overview, so a preset keeps one entry.
// Keys go general → specific: a write invalidates ['incidents'], so the list, the detail and the
// Overview tile's summary are fetched again.
export const incidentsQueries = {
  all: () => ['incidents'] as const,
  summary: (range: RangeSpec) =>
    queryOptions({
      queryKey: [...incidentsQueries.all(), 'summary', range] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.incidents.summary.$get(
            { query: toApiQuery(range, new Date()) },
            { init: { signal } },
          ),
        ),
    }),
  /** The analytics view's figures: keyed by the range as written and the filters. */
  metrics: (range: RangeSpec, filters: AnalyticsFilters) =>
    queryOptions({
      queryKey: [...incidentsQueries.all(), 'metrics', range, filters] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.incidents.metrics.$get(
            { query: toMetricsQuery(range, filters, new Date()) },
            { init: { signal } },
          ),
        ),
    }),
  list: (view: IncidentsView) =>
    infiniteQueryOptions({
      queryKey: [...incidentsQueries.all(), 'list', view] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchJson(
          api.incidents.$get({ query: toListQuery(view, pageParam) }, { init: { signal } }),
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  detail: (ref: string) =>
    queryOptions({
      queryKey: [...incidentsQueries.all(), 'detail', ref] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.incidents[':ref'].$get({ param: refParam(ref) }, { init: { signal } })),
    }),
  /** The services an incident may affect, and their owner teams for the filters. */
  services: () =>
    queryOptions({
      queryKey: ['services', 'list', 'for-incidents'] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.services.$get({ query: { sort: 'name', order: 'asc' } }, { init: { signal } }),
        ),
      select: (data) =>
        data.services.map((s) => ({ slug: s.slug, name: s.name, team: s.ownerTeam })),
    }),
}

/** People working here today, by name, with their team (GET /people). */
export type PeopleList = InferResponseType<typeof api.people.$get, 200>

// Not under ['incidents']: people are not an incident's, and no incident write changes them.
export const peopleQueries = {
  all: () => ['people'] as const,
  /** People working here today, by name (at most 500): whom the forms offer as commander or owner. */
  list: () =>
    queryOptions({
      queryKey: [...peopleQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => fetchJson(api.people.$get({ query: {} }, { init: { signal } })),
      select: (data) => data.people.map((p) => ({ id: p.id, name: p.name, team: p.team.name })),
    }),
}

export type NewIncident = InferRequestType<typeof api.incidents.$post>['json']
/** An incident as a write leaves it (its own fields; the detail has the rest). */
export type WrittenIncident = InferResponseType<typeof api.incidents.$post, 201>
export type Transition = InferRequestType<
  (typeof api.incidents)[':ref']['transitions']['$post']
>['json']
export type Correction = InferRequestType<
  (typeof api.incidents)[':ref']['corrections']['$post']
>['json']
export type IncidentPatch = InferRequestType<(typeof api.incidents)[':ref']['$patch']>['json']

// An incident's change shows in the list, its detail, the Overview tile and its needs-attention
// items, and in the services' incident lists and error budgets.
const INCIDENT_CHANGES = [incidentsQueries.all(), ['overview'], ['services']] as const
const meta = { invalidates: INCIDENT_CHANGES }

export const useDeclareIncident = () =>
  useMutation({
    mutationFn: (body: NewIncident) => fetchJson(api.incidents.$post({ json: body })),
    meta,
  })

export const useTransitionIncident = (ref: string) =>
  useMutation({
    mutationFn: (body: Transition) =>
      fetchJson(api.incidents[':ref'].transitions.$post({ param: refParam(ref), json: body })),
    meta,
  })

export const useCorrectMilestone = (ref: string) =>
  useMutation({
    mutationFn: (body: Correction) =>
      fetchJson(api.incidents[':ref'].corrections.$post({ param: refParam(ref), json: body })),
    meta,
  })

export const useAddNote = (ref: string) =>
  useMutation({
    mutationFn: (body: string) =>
      fetchJson(api.incidents[':ref'].notes.$post({ param: refParam(ref), json: { body } })),
    meta: { invalidates: [incidentsQueries.all()] },
  })

export type ReviewBody = InferRequestType<(typeof api.incidents)[':ref']['review']['$put']>['json']
export type NewAction = InferRequestType<(typeof api.incidents)[':ref']['actions']['$post']>['json']
export type ActionPatch = InferRequestType<
  (typeof api.incidents)[':ref']['actions'][':actionId']['$patch']
>['json']

// A completed review lets a SEV1/SEV2 close; overdue follow-ups are on the Overview.
export const useSaveReview = (ref: string) =>
  useMutation({
    mutationFn: (body: ReviewBody) =>
      fetchJson(api.incidents[':ref'].review.$put({ param: refParam(ref), json: body })),
    meta,
  })

export const useAddAction = (ref: string) =>
  useMutation({
    mutationFn: (body: NewAction) =>
      fetchJson(api.incidents[':ref'].actions.$post({ param: refParam(ref), json: body })),
    meta,
  })

export const useEditAction = (ref: string) =>
  useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: ActionPatch }) =>
      fetchJson(
        api.incidents[':ref'].actions[':actionId'].$patch({
          param: { ref, actionId: String(id) },
          json: patch,
        }),
      ),
    meta,
  })

export const useEditIncident = (ref: string) =>
  useMutation({
    mutationFn: (patch: IncidentPatch) =>
      fetchJson(api.incidents[':ref'].$patch({ param: refParam(ref), json: patch })),
    meta,
  })
