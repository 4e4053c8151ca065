import { useMutation } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'
import type { CapacityImportKind } from './import-kinds.ts'

const imports = api.capacity.imports

export type PeoplePreview = InferResponseType<typeof imports.people.preview.$post, 200>
export type AllocationsPreview = InferResponseType<typeof imports.allocations.preview.$post, 200>
export type PeopleCommitted = InferResponseType<typeof imports.people.commit.$post, 200>
export type AllocationsCommitted = InferResponseType<typeof imports.allocations.commit.$post, 200>

export interface CapacityImportFile {
  kind: CapacityImportKind
  csv: string
}

export type CapacityImportPreview =
  { kind: 'people'; preview: PeoplePreview } | { kind: 'allocations'; preview: AllocationsPreview }

export type CapacityImportCommitted =
  | { kind: 'people'; committed: PeopleCommitted }
  | { kind: 'allocations'; committed: AllocationsCommitted }

/** Checks every row; writes nothing, so it invalidates nothing. */
export const usePreviewCapacityImport = () =>
  useMutation({
    mutationFn: async ({ kind, csv }: CapacityImportFile): Promise<CapacityImportPreview> =>
      kind === 'people'
        ? { kind, preview: await fetchJson(imports.people.preview.$post({ json: { csv } })) }
        : {
            kind,
            preview: await fetchJson(imports.allocations.preview.$post({ json: { csv } })),
          },
  })

// New people and bookings move the heatmap, the person pages, the Overview's capacity tile and
// the projects' capacity risk: all fetched again.
export const useCommitCapacityImport = () =>
  useMutation({
    mutationFn: async ({ kind, csv }: CapacityImportFile): Promise<CapacityImportCommitted> =>
      kind === 'people'
        ? { kind, committed: await fetchJson(imports.people.commit.$post({ json: { csv } })) }
        : {
            kind,
            committed: await fetchJson(imports.allocations.commit.$post({ json: { csv } })),
          },
    meta: { invalidates: [['capacity'], ['people'], ['overview'], ['projects']] },
  })
