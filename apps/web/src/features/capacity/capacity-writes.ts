import { useMutation } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { api, fetchJson, fetchOk } from '../../lib/api.ts'

// Allocations and time off. Either moves a person's weeks: the heatmap and the person page
// (['capacity']), the Overview's capacity tile and the projects' capacity risk are fetched again.
const meta = { invalidates: [['capacity'], ['overview'], ['projects']] }

export type NewAllocation = InferRequestType<typeof api.allocations.$post>['json']
export type AllocationPatch = InferRequestType<(typeof api.allocations)[':id']['$patch']>['json']
export type NewTimeOff = InferRequestType<(typeof api)['time-off']['$post']>['json']
export type TimeOffPatch = InferRequestType<(typeof api)['time-off'][':id']['$patch']>['json']

export const useAddAllocation = () =>
  useMutation({
    mutationFn: (body: NewAllocation) => fetchJson(api.allocations.$post({ json: body })),
    meta,
  })

export const useEditAllocation = (id: number) =>
  useMutation({
    mutationFn: (patch: AllocationPatch) =>
      fetchJson(api.allocations[':id'].$patch({ param: { id: String(id) }, json: patch })),
    meta,
  })

export const useDeleteAllocation = () =>
  useMutation({
    mutationFn: (id: number) =>
      fetchOk(api.allocations[':id'].$delete({ param: { id: String(id) } })),
    meta,
  })

export const useAddTimeOff = () =>
  useMutation({
    mutationFn: (body: NewTimeOff) => fetchJson(api['time-off'].$post({ json: body })),
    meta,
  })

export const useEditTimeOff = (id: number) =>
  useMutation({
    mutationFn: (patch: TimeOffPatch) =>
      fetchJson(api['time-off'][':id'].$patch({ param: { id: String(id) }, json: patch })),
    meta,
  })

export const useDeleteTimeOff = () =>
  useMutation({
    mutationFn: (id: number) =>
      fetchOk(api['time-off'][':id'].$delete({ param: { id: String(id) } })),
    meta,
  })
