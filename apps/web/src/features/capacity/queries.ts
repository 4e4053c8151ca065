import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import { type RangeSpec, toApiQuery } from '../../lib/range.ts'

/** This week's capacity per team and for all teams. */
export type CapacitySummary = InferResponseType<typeof api.capacity.summary.$get, 200>

// Keyed by the range as written in the URL, like the Overview, so a preset keeps one entry.
export const capacityQueries = {
  all: () => ['capacity'] as const,
  summary: (range: RangeSpec) =>
    queryOptions({
      queryKey: [...capacityQueries.all(), 'summary', range] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.capacity.summary.$get({ query: toApiQuery(range, new Date()) }, { init: { signal } }),
        ),
    }),
}
