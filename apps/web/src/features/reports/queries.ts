import { queryOptions } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import type { PeriodQuery } from './period.ts'

/** GET /reports/preview: the report for a period as the data stands now. */
export type Report = InferResponseType<typeof api.reports.preview.$get, 200>
export type ReportSection = Report['sections'][number]
export type ReportFigure = ReportSection['figures'][number]
export type ReportTable = ReportSection['tables'][number]
export type ReportSummary = Report['summary']
/** A frozen report with who froze it and when. */
export type Snapshot = InferResponseType<(typeof api.reports.snapshots)[':id']['$get'], 200>
export type SnapshotListItem = InferResponseType<
  typeof api.reports.snapshots.$get,
  200
>['snapshots'][number]
/** What a share link opens, without an account. */
export type SharedReport = InferResponseType<(typeof api.shared)[':token']['$get'], 200>

// Under ['reports'] so a freeze invalidates the archive; the shared snapshot stands apart (no
// account, and nothing a signed-in write should refetch).
export const reportQueries = {
  all: () => ['reports'] as const,
  preview: (period: PeriodQuery) =>
    queryOptions({
      queryKey: [...reportQueries.all(), 'preview', period] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.reports.preview.$get({ query: period }, { init: { signal } })),
      // Composing a report reads every area: not refetched each time the tab is focused.
      staleTime: 5 * 60_000,
    }),
  snapshots: () =>
    queryOptions({
      queryKey: [...reportQueries.all(), 'snapshots'] as const,
      queryFn: ({ signal }) => fetchJson(api.reports.snapshots.$get({}, { init: { signal } })),
      select: (data) => data.snapshots,
    }),
  snapshot: (id: number) =>
    queryOptions({
      queryKey: [...reportQueries.all(), 'snapshots', id] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.reports.snapshots[':id'].$get({ param: { id: String(id) } }, { init: { signal } }),
        ),
      // A snapshot never changes.
      staleTime: Infinity,
    }),
  shared: (token: string) =>
    queryOptions({
      queryKey: ['shared', token] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.shared[':token'].$get({ param: { token } }, { init: { signal } })),
    }),
}

/** Where a snapshot's tables download as CSV (`figures`, or `<area>.<table>`). */
export const snapshotCsvHref = (id: number) => (table: string) =>
  `/api/v1/reports/snapshots/${id}/csv?table=${encodeURIComponent(table)}`

/** The same through a share link. */
export const sharedCsvHref = (token: string) => (table: string) =>
  `/api/v1/shared/${encodeURIComponent(token)}/csv?table=${encodeURIComponent(table)}`

/** The snapshot's PDF, rendered by the server when it has Chromium. */
export const snapshotPdfHref = (id: number) => `/api/v1/reports/snapshots/${id}/pdf`

/** The same through a share link. */
export const sharedPdfHref = (token: string) => `/api/v1/shared/${encodeURIComponent(token)}/pdf`
