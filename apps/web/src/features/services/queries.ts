import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import { type RangeSpec, toApiQuery } from '../../lib/range.ts'

/** Service health now and over the range: counts by status, pooled uptime per tier. */
export type ServicesSummary = InferResponseType<typeof api.services.summary.$get, 200>

// Keyed by the range as written in the URL, like the Overview, so a preset keeps one entry.
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
}
