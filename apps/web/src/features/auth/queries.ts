import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { useEffect } from 'react'
import { useNavigate } from 'react-router'
import { api, fetchJson, fetchOk } from '../../lib/api.ts'
import { LOGIN_PATH } from './redirects.ts'

export type Me = InferResponseType<typeof api.auth.me.$get, 200>
type User = Extract<Me, { via: 'session' }>['user']
type Credentials = InferRequestType<typeof api.auth.login.$post>['json']
type PasswordChange = InferRequestType<typeof api.auth.password.$post>['json']

export const authQueries = {
  all: () => ['auth'] as const,
  me: () =>
    queryOptions({
      queryKey: [...authQueries.all(), 'me'] as const,
      queryFn: ({ signal }) => fetchJson(api.auth.me.$get({}, { init: { signal } })),
      // Who is signed in changes only by signing in or out, both of which set this themselves.
      staleTime: 5 * 60_000,
      // The guard handles this 401 itself, by sending the person to sign in.
      meta: { ownsUnauthenticated: true },
    }),
}

/** The signed-in person, or null while loading, when signed out, or when a token is in use. */
export function useMe(): User | null {
  const { data } = useQuery(authQueries.me())
  return data?.via === 'session' ? data.user : null
}

export function useLogin() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      fetchJson(api.auth.login.$post({ json: credentials })),
    // A 401 here is a wrong password, not an ended session.
    meta: { ownsUnauthenticated: true },
    onSuccess: ({ user }) => {
      // Whatever is cached may be a previous person's: start clean as the new one.
      client.removeQueries()
      const me: Me = { user, via: 'session' }
      client.setQueryData(authQueries.me().queryKey, me)
    },
  })
}

// The sign-in page empties the cache when it opens (see useForgetSession), so leaving is enough.
export function useLogout() {
  const navigate = useNavigate()
  return useMutation({
    mutationFn: () => fetchOk(api.auth.logout.$post()),
    onSuccess: () => navigate(LOGIN_PATH, { replace: true }),
  })
}

/**
 * Whoever reaches the sign-in page (signed out, session ended, or a new person at the same
 * browser) leaves nothing cached for the next one. Run from that page, once the signed-in app
 * has unmounted: clearing under mounted queries would only make them fetch again.
 */
export function useForgetSession() {
  const client = useQueryClient()
  useEffect(() => client.clear(), [client])
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (change: PasswordChange) => fetchOk(api.auth.password.$post({ json: change })),
  })
}
