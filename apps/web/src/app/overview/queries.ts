import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import { type RangeSpec, toApiQuery } from '../../lib/range.ts'

export type Overview = InferResponseType<typeof api.overview.$get, 200>

// Keyed by the range as written in the URL (not by computed instants), so a preset keeps one
// cache entry while its window slides with the clock on each refetch.
export const overviewQueries = {
  all: () => ['overview'] as const,
  summary: (range: RangeSpec) =>
    queryOptions({
      queryKey: [...overviewQueries.all(), range] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.overview.$get({ query: toApiQuery(range, new Date()) }, { init: { signal } }),
        ),
    }),
}
