import { useMutation } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import type { ImportKind } from './import-transform.ts'
import { projectsQueries } from './queries.ts'

const imports = api.projects.imports

export type ActualsPreview = InferResponseType<typeof imports.actuals.preview.$post, 200>
export type BaselinesPreview = InferResponseType<typeof imports.baselines.preview.$post, 200>
export type ActualsCommitted = InferResponseType<typeof imports.actuals.commit.$post, 200>
export type BaselinesCommitted = InferResponseType<typeof imports.baselines.commit.$post, 200>

/** What the wizard sends: the file's text and, for a plan, why the projects are re-baselined. */
export interface ImportFile {
  kind: ImportKind
  csv: string
  reason: string
}

export type ImportPreview =
  { kind: 'actuals'; preview: ActualsPreview } | { kind: 'baselines'; preview: BaselinesPreview }

export type ImportCommitted =
  | { kind: 'actuals'; committed: ActualsCommitted }
  | { kind: 'baselines'; committed: BaselinesCommitted }

/** Checks every row; writes nothing, so it invalidates nothing. */
export const usePreviewImport = () =>
  useMutation({
    mutationFn: async ({ kind, csv, reason }: ImportFile): Promise<ImportPreview> =>
      kind === 'actuals'
        ? { kind, preview: await fetchJson(imports.actuals.preview.$post({ json: { csv } })) }
        : {
            kind,
            preview: await fetchJson(imports.baselines.preview.$post({ json: { csv, reason } })),
          },
  })

// Imported actuals and plans move AC and PV: the portfolio, each project's figures and lists, and
// the Overview's budgets tile are fetched again.
export const useCommitImport = () =>
  useMutation({
    mutationFn: async ({ kind, csv, reason }: ImportFile): Promise<ImportCommitted> =>
      kind === 'actuals'
        ? { kind, committed: await fetchJson(imports.actuals.commit.$post({ json: { csv } })) }
        : {
            kind,
            committed: await fetchJson(imports.baselines.commit.$post({ json: { csv, reason } })),
          },
    meta: { invalidates: [projectsQueries.all(), ['overview']] },
  })
