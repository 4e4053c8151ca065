import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import { type RangeSpec, toApiQuery } from '../../lib/range.ts'

/** Open incidents by severity now; MTTA and MTTR over the range. */
export type IncidentsSummary = InferResponseType<typeof api.incidents.summary.$get, 200>

// Keyed by the range as written in the URL, like the Overview, so a preset keeps one entry.
export const incidentsQueries = {
  all: () => ['incidents'] as const,
  summary: (range: RangeSpec) =>
    queryOptions({
      queryKey: [...incidentsQueries.all(), 'summary', range] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.incidents.summary.$get(
            { query: toApiQuery(range, new Date()) },
            { init: { signal } },
          ),
        ),
    }),
}
