import { QueryClient } from '@tanstack/react-query'
import { isRetryable } from './api.ts'

// Dashboards are read often and change slowly: data is fresh for 30 s, refreshed when the tab
// regains focus, and a failure is retried twice unless the API said the request itself was wrong.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: (failures, err) => failures < 2 && isRetryable(err),
      },
    },
  })
}
