import {
  infiniteQueryOptions,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, fetchJson, fetchOk } from '../../lib/api.ts'
import { type AuditFilters, toAuditQuery } from './transform.ts'

export type AdminUser = InferResponseType<typeof api.users.$get, 200>['users'][number]
type NewUser = InferRequestType<typeof api.users.$post>['json']
type UserPatch = InferRequestType<(typeof api.users)[':id']['$patch']>['json']
export type ApiToken = InferResponseType<typeof api.tokens.$get, 200>['tokens'][number]
export type NewToken = InferRequestType<typeof api.tokens.$post>['json']
export type CreatedToken = InferResponseType<typeof api.tokens.$post, 201>
export type AuditEntry = InferResponseType<typeof api.audit.$get, 200>['entries'][number]

// Everything here sits under ['admin'], so a write invalidates the lists and the audit log at once.
export const adminQueries = {
  all: () => ['admin'] as const,
  users: () =>
    queryOptions({
      queryKey: [...adminQueries.all(), 'users'] as const,
      queryFn: ({ signal }) => fetchJson(api.users.$get({}, { init: { signal } })),
      select: (data) => data.users,
    }),
  tokens: () =>
    queryOptions({
      queryKey: [...adminQueries.all(), 'tokens'] as const,
      queryFn: ({ signal }) => fetchJson(api.tokens.$get({}, { init: { signal } })),
      select: (data) => data.tokens,
    }),
  audit: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: [...adminQueries.all(), 'audit', filters] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchJson(
          api.audit.$get({ query: toAuditQuery(filters, pageParam) }, { init: { signal } }),
        ),
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (last) => last.nextBefore ?? undefined,
    }),
}

function useAdminMutation<TVars, TData>(
  mutationFn: (vars: TVars) => Promise<TData>,
  options: { gcTime?: number } = {},
) {
  const client = useQueryClient()
  return useMutation({
    ...options,
    mutationFn,
    // Awaited, so the form stays busy until the table shows the change.
    onSuccess: () => client.invalidateQueries({ queryKey: adminQueries.all() }),
  })
}

const idParam = (id: number) => ({ param: { id: String(id) } })

export const useCreateUser = () =>
  useAdminMutation((user: NewUser) => fetchJson(api.users.$post({ json: user })))

export const useUpdateUser = () =>
  useAdminMutation(({ id, patch }: { id: number; patch: UserPatch }) =>
    fetchJson(api.users[':id'].$patch({ ...idParam(id), json: patch })),
  )

export const useResetPassword = () =>
  useAdminMutation(({ id, password }: { id: number; password: string }) =>
    fetchOk(api.users[':id'].password.$post({ ...idParam(id), json: { password } })),
  )

export const useUnlockUser = () =>
  useAdminMutation((id: number) => fetchJson(api.users[':id'].unlock.$post(idParam(id))))

// The new token's secret lives only in this mutation's result: dropped from the cache as soon as
// the form lets go of it.
export const useCreateToken = () =>
  useAdminMutation((token: NewToken) => fetchJson(api.tokens.$post({ json: token })), {
    gcTime: 0,
  })

export const useRevokeToken = () =>
  useAdminMutation((id: number) => fetchOk(api.tokens[':id'].$delete(idParam(id))))
