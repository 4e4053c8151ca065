import { useMutation } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { api, fetchJson, fetchOk } from '../../lib/api.ts'
import { projectsQueries } from './queries.ts'

// The project page's writes. A cost entry, progress or plan moves AC, EV or PV, so the project's
// figures, its lists, the portfolio and the Overview's budgets tile are all fetched again.
const meta = { invalidates: [projectsQueries.all(), ['overview']] }

type Actuals = (typeof api.projects)[':code']['actuals']
export type NewCostEntry = InferRequestType<Actuals['$post']>['json']
export type CostEntryPatch = InferRequestType<Actuals[':id']['$patch']>['json']

export const useAddActual = (code: string) =>
  useMutation({
    mutationFn: (body: NewCostEntry) =>
      fetchJson(api.projects[':code'].actuals.$post({ param: { code }, json: body })),
    meta,
  })

export const useEditActual = (code: string, id: number) =>
  useMutation({
    mutationFn: (patch: CostEntryPatch) =>
      fetchJson(
        api.projects[':code'].actuals[':id'].$patch({
          param: { code, id: String(id) },
          json: patch,
        }),
      ),
    meta,
  })

export const useDeleteActual = (code: string) =>
  useMutation({
    mutationFn: (id: number) =>
      fetchOk(api.projects[':code'].actuals[':id'].$delete({ param: { code, id: String(id) } })),
    meta,
  })

type Progress = (typeof api.projects)[':code']['progress'][':asOf']
export type ProgressBody = InferRequestType<Progress['$put']>['json']

/** Records (or replaces) the percent complete on a day. */
export const useRecordProgress = (code: string) =>
  useMutation({
    mutationFn: ({ asOf, body }: { asOf: string; body: ProgressBody }) =>
      fetchJson(
        api.projects[':code'].progress[':asOf'].$put({ param: { code, asOf }, json: body }),
      ),
    meta,
  })

export const useDeleteProgress = (code: string) =>
  useMutation({
    mutationFn: (asOf: string) =>
      fetchOk(api.projects[':code'].progress[':asOf'].$delete({ param: { code, asOf } })),
    meta,
  })

type Project = (typeof api.projects)[':code']
export type ProjectPatch = InferRequestType<Project['$patch']>['json']
export type NewBudgetLine = InferRequestType<Project['lines']['$post']>['json']
export type BudgetLinePatch = InferRequestType<Project['lines'][':id']['$patch']>['json']

export const useEditProject = (code: string) =>
  useMutation({
    mutationFn: (patch: ProjectPatch) =>
      fetchJson(api.projects[':code'].$patch({ param: { code }, json: patch })),
    meta,
  })

export const useAddLine = (code: string) =>
  useMutation({
    mutationFn: (body: NewBudgetLine) =>
      fetchJson(api.projects[':code'].lines.$post({ param: { code }, json: body })),
    meta,
  })

export const useEditLine = (code: string, id: number) =>
  useMutation({
    mutationFn: (patch: BudgetLinePatch) =>
      fetchJson(
        api.projects[':code'].lines[':id'].$patch({ param: { code, id: String(id) }, json: patch }),
      ),
    meta,
  })

export const useDeleteLine = (code: string) =>
  useMutation({
    mutationFn: (id: number) =>
      fetchJson(api.projects[':code'].lines[':id'].$delete({ param: { code, id: String(id) } })),
    meta,
  })

export type NewBaseline = InferRequestType<
  (typeof api.projects)[':code']['baselines']['$post']
>['json']

/** A new version of the plan; the old ones are kept. */
export const useAddBaseline = (code: string) =>
  useMutation({
    mutationFn: (body: NewBaseline) =>
      fetchJson(api.projects[':code'].baselines.$post({ param: { code }, json: body })),
    meta,
  })
