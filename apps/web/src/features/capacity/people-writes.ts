import { useMutation } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { api, fetchJson } from '../../lib/api.ts'

// A person's fields and team. Hours, pattern, region and team move their capacity, so the heatmap
// and the person page (['capacity']), the people pickers (['people']), the Overview and the
// projects' capacity risk are fetched again.
const meta = { invalidates: [['capacity'], ['people'], ['overview'], ['projects']] }

type Person = (typeof api.people)[':id']
export type PersonPatch = InferRequestType<Person['$patch']>['json']
export type NewMove = InferRequestType<Person['moves']['$post']>['json']

export const useEditPerson = (id: number) =>
  useMutation({
    mutationFn: (patch: PersonPatch) =>
      fetchJson(api.people[':id'].$patch({ param: { id: String(id) }, json: patch })),
    meta,
  })

/** Into another team from a day; the old team keeps the days before. */
export const useMovePerson = (id: number) =>
  useMutation({
    mutationFn: (body: NewMove) =>
      fetchJson(api.people[':id'].moves.$post({ param: { id: String(id) }, json: body })),
    meta,
  })
