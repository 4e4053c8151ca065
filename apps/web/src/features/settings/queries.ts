import { queryOptions, useMutation } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'

export type Settings = InferResponseType<typeof api.settings.$get, 200>['settings']
export type SettingsPatch = InferRequestType<typeof api.settings.$patch>['json']
export type SettingsUpdated = InferResponseType<typeof api.settings.$patch, 200>

export const settingsQueries = {
  all: () => ['settings'] as const,
  current: () =>
    queryOptions({
      queryKey: [...settingsQueries.all(), 'current'] as const,
      queryFn: ({ signal }) => fetchJson(api.settings.$get({}, { init: { signal } })),
      select: (data) => data.settings,
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
