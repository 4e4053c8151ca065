import { queryOptions, useMutation } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, fetchJson, fetchOk } from '../../lib/api.ts'

const schedulesApi = api.reports.schedules
export type Schedule = InferResponseType<typeof schedulesApi.$get, 200>['schedules'][number]
export type NewSchedule = InferRequestType<typeof schedulesApi.$post>['json']
export type SchedulePatch = InferRequestType<(typeof schedulesApi)[':id']['$patch']>['json']
export type Delivery = InferResponseType<
  (typeof schedulesApi)[':id']['deliveries']['$get'],
  200
>['deliveries'][number]

const param = (id: number) => ({ param: { id: String(id) } })

export const scheduleQueries = {
  all: () => ['reports', 'schedules'] as const,
  list: () =>
    queryOptions({
      queryKey: [...scheduleQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => fetchJson(schedulesApi.$get({}, { init: { signal } })),
      select: (data) => data.schedules,
    }),
  deliveries: (id: number) =>
    queryOptions({
      queryKey: [...scheduleQueries.all(), id, 'deliveries'] as const,
      queryFn: ({ signal }) =>
        fetchJson(schedulesApi[':id'].deliveries.$get(param(id), { init: { signal } })),
      select: (data) => data.deliveries,
    }),
  /** The organisation's time zone, which the schedules' local times are in (same key as Settings). */
  timezone: () =>
    queryOptions({
      queryKey: ['settings', 'current'] as const,
      queryFn: ({ signal }) => fetchJson(api.settings.$get({}, { init: { signal } })),
      select: (data) => data.settings.timezone,
    }),
}

// A change moves the next run; a deleted schedule takes its delivery log with it.
const meta = { invalidates: [scheduleQueries.all()] }

export const useAddSchedule = () =>
  useMutation({
    mutationFn: (body: NewSchedule) => fetchJson(schedulesApi.$post({ json: body })),
    meta,
  })

export const useEditSchedule = (id: number) =>
  useMutation({
    mutationFn: (patch: SchedulePatch) =>
      fetchJson(schedulesApi[':id'].$patch({ ...param(id), json: patch })),
    meta,
  })

export const useDeleteSchedule = () =>
  useMutation({
    mutationFn: (id: number) => fetchOk(schedulesApi[':id'].$delete(param(id))),
    meta,
  })
