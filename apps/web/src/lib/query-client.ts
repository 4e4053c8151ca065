import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query'
import { ApiError, isRetryable } from './api.ts'

interface AuthMeta extends Record<string, unknown> {
  /** This call answers 401 for its own reasons (a wrong password, the session check itself). */
  ownsUnauthenticated?: boolean
}

interface MutationMeta extends AuthMeta {
  /**
   * Key prefixes of other areas' data this write changes (an incident's hours come off a team's
   * capacity, say). Invalidated together once it succeeds, and awaited, so the form stays busy
   * until what it changed has been fetched again.
   */
  invalidates?: readonly QueryKey[]
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: AuthMeta
    mutationMeta: MutationMeta
  }
}

export interface QueryClientOptions {
  /** Called when any query or mutation gets a 401: the session has ended, send them to sign in. */
  onUnauthenticated?: () => void
  /** Tests turn retries off so a failure shows at once. */
  retry?: boolean
}

export const isUnauthenticated = (err: unknown) => err instanceof ApiError && err.status === 401

// Dashboards are read often and change slowly: data is fresh for 30 s, refreshed when the tab
// regains focus, and a failure is retried twice unless the API said the request itself was wrong.
export function createQueryClient({
  onUnauthenticated,
  retry = true,
}: QueryClientOptions = {}): QueryClient {
  const check = (err: unknown, meta: AuthMeta | undefined) => {
    if (isUnauthenticated(err) && !meta?.ownsUnauthenticated) onUnauthenticated?.()
  }
  return new QueryClient({
    queryCache: new QueryCache({ onError: (err, query) => check(err, query.meta) }),
    mutationCache: new MutationCache({
      onError: (err, _vars, _ctx, mutation) => check(err, mutation.meta),
      onSuccess: (_data, _vars, _ctx, mutation, { client }) =>
        Promise.all(
          (mutation.meta?.invalidates ?? []).map((queryKey) =>
            client.invalidateQueries({ queryKey }),
          ),
        ),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: retry ? (failures, err) => failures < 2 && isRetryable(err) : false,
      },
    },
  })
}
