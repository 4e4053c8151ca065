import { queryOptions, useMutation } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'

export type Settings = InferResponseType<typeof api.settings.$get, 200>['settings']
export type SettingsPatch = InferRequestType<typeof api.settings.$patch>['json']
export type SettingsUpdated = InferResponseType<typeof api.settings.$patch, 200>

/** The incidents' response targets per severity and the labels the Alertmanager intake reads. */
export type IncidentSettings = InferResponseType<
  (typeof api.incidents)['response-targets']['$get'],
  200
>
export type ResponseTargetsPut = InferRequestType<
  (typeof api.incidents)['response-targets']['$put']
>['json']
export type IntakeLabelsPatch = InferRequestType<
  (typeof api.incidents)['intake-settings']['$patch']
>['json']

export const settingsQueries = {
  all: () => ['settings'] as const,
  current: () =>
    queryOptions({
      queryKey: [...settingsQueries.all(), 'current'] as const,
      queryFn: ({ signal }) => fetchJson(api.settings.$get({}, { init: { signal } })),
      select: (data) => data.settings,
    }),
  incidents: () =>
    queryOptions({
      queryKey: [...settingsQueries.all(), 'incidents'] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.incidents['response-targets'].$get({}, { init: { signal } })),
    }),
}

// The organisation's zone, currency and thresholds shape every figure: the Overview and each
// area are fetched again, and the audit log shows the change.
const CHANGES = [
  settingsQueries.all(),
  ['overview'],
  ['services'],
  ['incidents'],
  ['projects'],
  ['capacity'],
  ['admin'],
] as const

export const useUpdateSettings = () =>
  useMutation({
    mutationFn: (patch: SettingsPatch) => fetchJson(api.settings.$patch({ json: patch })),
    meta: { invalidates: CHANGES },
  })

// Breaches are counted against the targets in force now: every incident's, the Overview's
// attention items and the analytics' breach rate change with them. The audit log shows the change.
const TARGET_CHANGES = [settingsQueries.all(), ['incidents'], ['overview'], ['admin']] as const

export const useReplaceResponseTargets = () =>
  useMutation({
    mutationFn: (body: ResponseTargetsPut) =>
      fetchJson(api.incidents['response-targets'].$put({ json: body })),
    meta: { invalidates: TARGET_CHANGES },
  })

// The labels change only what later deliveries read.
export const useUpdateIntakeLabels = () =>
  useMutation({
    mutationFn: (patch: IntakeLabelsPatch) =>
      fetchJson(api.incidents['intake-settings'].$patch({ json: patch })),
    meta: { invalidates: [settingsQueries.all(), ['admin']] },
  })
