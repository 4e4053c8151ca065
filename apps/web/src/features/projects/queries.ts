import { infiniteQueryOptions, queryOptions, useMutation } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import { type RangeSpec, toApiQuery } from '../../lib/range.ts'
import type { ActualsFilters } from './actuals-form.ts'
import {
  portfolioAsOf,
  type PortfolioStatus,
  statusQuery,
  supplierQuery,
} from './portfolio-view.ts'

/** The live portfolio as of the range's last day: totals, RAG counts, projects at risk. */
export type ProjectsSummary = InferResponseType<typeof api.projects.summary.$get, 200>
/** GET /portfolio: each project's EVM figures and RAG with its reason, and the roll-up. */
export type Portfolio = InferResponseType<typeof api.portfolio.$get, 200>
export type PortfolioProject = Portfolio['projects'][number]
/** GET /suppliers: spend by supplier over the range, the ten largest and "Other". */
export type Suppliers = InferResponseType<typeof api.suppliers.$get, 200>
/** GET /projects/:code: the project, its budget lines and BAC splits. */
export type ProjectRecord = InferResponseType<(typeof api.projects)[':code']['$get'], 200>
export type BudgetLine = ProjectRecord['lines'][number]
export type CostEntryList = InferResponseType<
  (typeof api.projects)[':code']['actuals']['$get'],
  200
>
export type CostEntry = CostEntryList['entries'][number]
export type ProgressList = InferResponseType<
  (typeof api.projects)[':code']['progress']['$get'],
  200
>
export type ProgressEntry = ProgressList['entries'][number]
/** GET /projects/:code/capacity-risk: its people over-booked or away in the next 4 weeks. */
export type ProjectCapacityRisk = InferResponseType<
  (typeof api.projects)[':code']['capacity-risk']['$get'],
  200
>
/** GET /projects/:code/evm: one project's figures, RAG and its history, S-curve and splits. */
export type ProjectEvm = InferResponseType<(typeof api.projects)[':code']['evm']['$get'], 200>
/** GET /projects/:code/baselines: the plan's versions, newest first. */
export type Baselines = InferResponseType<(typeof api.projects)[':code']['baselines']['$get'], 200>

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
  /** The portfolio as of the range's last day, of the statuses chosen (live by default). */
  portfolio: (range: RangeSpec, status: PortfolioStatus) =>
    queryOptions({
      queryKey: [...projectsQueries.all(), 'portfolio', range, status] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.portfolio.$get(
            { query: { ...portfolioAsOf(range, new Date()), ...statusQuery(status) } },
            { init: { signal } },
          ),
        ),
    }),
  /** One project with its budget lines (GET /projects/:code): what the edit forms start from. */
  detail: (code: string) =>
    queryOptions({
      queryKey: [...projectsQueries.all(), 'detail', code] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.projects[':code'].$get({ param: { code } }, { init: { signal } })),
    }),
  /** One project's earned value as of a day (null: the API's today, as for a preset range). */
  evm: (code: string, asOf: string | null) =>
    queryOptions({
      queryKey: [...projectsQueries.all(), 'detail', code, 'evm', asOf] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.projects[':code'].evm.$get(
            { param: { code }, query: asOf ? { asOf } : {} },
            { init: { signal } },
          ),
        ),
    }),
  /** The project's risk from capacity now: its people over-booked or away in the next 4 weeks. */
  capacityRisk: (code: string) =>
    queryOptions({
      queryKey: [...projectsQueries.all(), 'detail', code, 'capacity-risk'] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.projects[':code']['capacity-risk'].$get({ param: { code } }, { init: { signal } }),
        ),
    }),
  /** The project's baseline versions, newest first, with who set each and why. */
  baselines: (code: string) =>
    queryOptions({
      queryKey: [...projectsQueries.all(), 'detail', code, 'baselines'] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.projects[':code'].baselines.$get({ param: { code } }, { init: { signal } })),
    }),
  /** A project's cost entries, newest first, a page at a time, with the filtered set's total. */
  actuals: (code: string, filters: ActualsFilters) =>
    infiniteQueryOptions({
      queryKey: [...projectsQueries.all(), 'detail', code, 'actuals', filters] as const,
      queryFn: ({ pageParam, signal }) =>
        fetchJson(
          api.projects[':code'].actuals.$get(
            { param: { code }, query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) } },
            { init: { signal } },
          ),
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  /** A project's progress (percent complete by day), newest first, with who recorded it. */
  progress: (code: string) =>
    queryOptions({
      queryKey: [...projectsQueries.all(), 'detail', code, 'progress'] as const,
      queryFn: ({ signal }) =>
        fetchJson(api.projects[':code'].progress.$get({ param: { code } }, { init: { signal } })),
    }),
  /** Spend by supplier over the range, on every project. */
  suppliers: (range: RangeSpec) =>
    queryOptions({
      queryKey: [...projectsQueries.all(), 'suppliers', range] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          api.suppliers.$get({ query: supplierQuery(range, new Date()) }, { init: { signal } }),
        ),
    }),
  /** People to choose a project's owner from (GET /people), shared with the other forms' cache. */
  people: () =>
    queryOptions({
      queryKey: ['people', 'list'] as const,
      queryFn: ({ signal }) => fetchJson(api.people.$get({ query: {} }, { init: { signal } })),
      select: (data) => data.people.map((p) => ({ id: p.id, name: p.name, team: p.team.name })),
    }),
}

export type NewProject = InferRequestType<typeof api.projects.$post>['json']

// A new project shows in the portfolio, its summary and the Overview's budgets tile.
export const useCreateProject = () =>
  useMutation({
    mutationFn: (body: NewProject) => fetchJson(api.projects.$post({ json: body })),
    meta: { invalidates: [projectsQueries.all(), ['overview']] },
  })
