import { useMutation } from '@tanstack/react-query'
import type { InferRequestType } from 'hono/client'
import { api, fetchJson, fetchOk } from '../../lib/api.ts'

export type NewPerson = InferRequestType<typeof api.people.$post>['json']
export type NewTeam = InferRequestType<typeof api.teams.$post>['json']
export type NewClosureDay = InferRequestType<(typeof api)['closure-days']['$post']>['json']

// As the other capacity writes: the heatmap and person pages (['capacity']), the people pickers
// and lists (['people']), the Overview and the projects' capacity risk are fetched again. A new
// person or team also changes the teams' lists and member counts (['teams']); a renamed team's
// name shows on the services it owns (['services']).
const capacity = [['capacity'], ['people'], ['overview'], ['projects']] as const
const people = { invalidates: [...capacity, ['teams']] }
const teams = { invalidates: [...capacity, ['teams'], ['services']] }
const closures = { invalidates: capacity }

/** A new person in a team from their start day; answers their record, with its id. */
export const useAddPerson = () =>
  useMutation({
    mutationFn: (body: NewPerson) => fetchJson(api.people.$post({ json: body })),
    meta: people,
  })

export const useAddTeam = () =>
  useMutation({
    mutationFn: (body: NewTeam) => fetchJson(api.teams.$post({ json: body })),
    meta: teams,
  })

/** The name only: the slug is the team's for good. */
export const useRenameTeam = (slug: string) =>
  useMutation({
    mutationFn: (name: string) =>
      fetchJson(api.teams[':slug'].$patch({ param: { slug }, json: { name } })),
    meta: teams,
  })

export const useAddClosureDay = () =>
  useMutation({
    mutationFn: (body: NewClosureDay) => fetchJson(api['closure-days'].$post({ json: body })),
    meta: closures,
  })

/** Opens the day again. */
export const useDeleteClosureDay = () =>
  useMutation({
    mutationFn: (day: string) => fetchOk(api['closure-days'][':day'].$delete({ param: { day } })),
    meta: closures,
  })
