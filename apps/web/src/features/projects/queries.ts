import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import { type RangeSpec, toApiQuery } from '../../lib/range.ts'

/** The live portfolio as of the range's last day: totals, RAG counts, projects at risk. */
export type ProjectsSummary = InferResponseType<typeof api.projects.summary.$get, 200>

// Keyed by the range as written in the URL, like the Overview, so a preset keeps one entry.
export const projectsQueries = {
  all: () => ['projects'] as const,
  summary: (range: RangeSpec) =>
    queryOptions({
      queryKey: [...projectsQueries.all(), 'summary', range] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.projects.summary.$get({ query: toApiQuery(range, new Date()) }, { init: { signal } }),
        ),
    }),
}
