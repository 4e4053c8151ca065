import { queryOptions, useMutation } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import { type RangeSpec, toApiQuery } from '../../lib/range.ts'
import type { ListView } from './list-view.ts'

/** Service health now and over the range: counts by status, pooled uptime per tier. */
export type ServicesSummary = InferResponseType<typeof api.services.summary.$get, 200>
/** The fleet: each service's status, uptime windows, budget, burn rate, p95 and 90-day strip. */
export type ServiceList = InferResponseType<typeof api.services.$get, 200>
export type ServiceListItem = ServiceList['services'][number]
export type ServiceDetail = InferResponseType<(typeof api.services)[':slug']['$get'], 200>
export type ServiceSeries = InferResponseType<(typeof api.services)[':slug']['series']['$get'], 200>
export type ServiceDaily = InferResponseType<(typeof api.services)[':slug']['daily']['$get'], 200>
/** Business services: component services with a roll-up rule, their status now and uptime. */
export type BusinessServiceList = InferResponseType<(typeof api)['business-services']['$get'], 200>
export type BusinessService = BusinessServiceList['businessServices'][number]

const slugParam = (slug: string) => ({ slug })

/** The list's query: filters and sort are applied by the server. */
export function toListQuery(view: ListView) {
  const query: Record<string, string> = { sort: view.sort, order: view.order }
  if (view.status) query.status = view.status
  if (view.tier) query.tier = String(view.tier)
  if (view.team) query.team = view.team
  if (view.q) query.q = view.q
  if (view.archived) query.archived = view.archived
  return query
}

// Keys go general → specific, holding what the URL holds: a write on one service invalidates
// ['services'] and with it the list, the Overview tile's summary and every detail.
export const servicesQueries = {
  all: () => ['services'] as const,
  summary: (range: RangeSpec) =>
    queryOptions({
      queryKey: [...servicesQueries.all(), 'summary', range] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.services.summary.$get({ query: toApiQuery(range, new Date()) }, { init: { signal } }),
        ),
    }),
  list: (view: ListView) =>
    queryOptions({
      queryKey: [...servicesQueries.all(), 'list', view] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.services.$get({ query: toListQuery(view) }, { init: { signal } })),
    }),
  business: () =>
    queryOptions({
      queryKey: [...servicesQueries.all(), 'business'] as const,
      queryFn: ({ signal }) => fetchJson(api['business-services'].$get({}, { init: { signal } })),
    }),
  service: (slug: string) => [...servicesQueries.all(), 'service', slug] as const,
  detail: (slug: string, range: RangeSpec) =>
    queryOptions({
      queryKey: [...servicesQueries.service(slug), 'detail', range] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.services[':slug'].$get(
            { param: slugParam(slug), query: toApiQuery(range, new Date()) },
            { init: { signal } },
          ),
        ),
    }),
  series: (slug: string, range: RangeSpec) =>
    queryOptions({
      queryKey: [...servicesQueries.service(slug), 'series', range] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.services[':slug'].series.$get(
            { param: slugParam(slug), query: toApiQuery(range, new Date()) },
            { init: { signal } },
          ),
        ),
    }),
  daily: (slug: string, days = 90) =>
    queryOptions({
      queryKey: [...servicesQueries.service(slug), 'daily', days] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.services[':slug'].daily.$get(
            { param: slugParam(slug), query: { days: String(days) } },
            { init: { signal } },
          ),
        ),
    }),
}

/** A change to a service (here, its check); fields left out keep their value. */
export type ServicePatch = InferRequestType<(typeof api.services)[':slug']['$patch']>['json']

// A service's change shows in its detail, the list, the Overview tile and its needs-attention items.
const SERVICE_CHANGES = [servicesQueries.all(), ['overview']] as const

export const useUpdateService = (slug: string) =>
  useMutation({
    mutationFn: (patch: ServicePatch) =>
      fetchJson(api.services[':slug'].$patch({ param: slugParam(slug), json: patch })),
    meta: { invalidates: SERVICE_CHANGES },
  })

/** A one-off or weekly maintenance window for one service. */
export type NewMaintenance = InferRequestType<
  (typeof api.services)[':slug']['maintenance']['$post']
>['json']

export const useScheduleMaintenance = (slug: string) =>
  useMutation({
    mutationFn: (body: NewMaintenance) =>
      fetchJson(api.services[':slug'].maintenance.$post({ param: slugParam(slug), json: body })),
    meta: { invalidates: SERVICE_CHANGES },
  })

/** A new service for the catalogue: slug, name, tier and SLO target, the rest optional. */
export type NewService = InferRequestType<typeof api.services.$post>['json']

/** A service as the catalogue keeps it: the create, edit, archive and restore answers. */
export type ServiceConfigAnswer = InferResponseType<typeof api.services.$post, 201>

export const useCreateService = () =>
  useMutation({
    mutationFn: (body: NewService) => fetchJson(api.services.$post({ json: body })),
    meta: { invalidates: SERVICE_CHANGES },
  })

/** Archives a service (history kept, the prober stops, hidden from the list) or restores it. */
export const useArchiveService = (slug: string) =>
  useMutation({
    mutationFn: async (archived: boolean) => {
      const param = slugParam(slug)
      if (archived) return fetchJson(api.services[':slug'].archive.$post({ param }))
      return fetchJson(api.services[':slug'].restore.$post({ param }))
    },
    meta: { invalidates: SERVICE_CHANGES },
  })
