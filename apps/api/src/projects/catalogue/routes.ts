import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { ProjectCodeParam, projectNotFound } from '../project-ref.ts'
import { lineRoutes } from './line-routes.ts'
import { createProject } from './create-project.ts'
import { removeProject } from './delete-project.ts'
import { editProject } from './edit-project.ts'
import { listProjects, projectRecord } from './queries.ts'
import {
  NewProject,
  ProjectList,
  ProjectListQuery,
  ProjectPatch,
  ProjectRecord,
} from './schemas.ts'

const tags = ['projects']

const unknownPerson = errorBody('unknown_person', 'No person has this id', [
  { path: 'json.ownerPersonId', message: 'is not a person’s id' },
])
const codeTaken = errorBody('project_code_taken', 'Another project has this code', [
  { path: 'json.code', message: 'is taken' },
])

function invalid(details: { path: string; message: string }[]) {
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ')
  return errorBody('validation_failed', `Invalid request: ${summary}`, details)
}

// The project catalogue: projects and their budget lines (BAC), read by anyone, written by
// managers, each write and its audit row in one transaction.
export const catalogue = new Hono<AppEnv>()
  .get(
    '/',
    doc({
      summary: 'Every project by code: status, dates, owner, sponsor and budget (BAC); filtered',
      description:
        '`status` takes one or more statuses, repeated or comma-separated (`status=active,on_hold`); `q` matches part of the code or the name, any case. BAC is the sum of the budget lines, in pence.',
      tags,
      responses: { 200: ProjectList },
    }),
    access('read'),
    validate('query', ProjectListQuery),
    async (c) => {
      const q = c.req.valid('query')
      const projects = await listProjects(c.var.db, { statuses: q.status, q: q.q })
      return c.json({ projects }, 200)
    },
  )
  .post(
    '/',
    doc({
      summary: 'Add a project, with its budget lines',
      description:
        'The code (capitals, digits, - and _, e.g. PRJ-0012) is the project’s for good. endDate is on or after startDate; status defaults to active; the owner is a person’s id. Audited.',
      tags,
      responses: { 201: ProjectRecord },
      errors: ['validation_failed', 'unknown_person', 'project_code_taken'],
    }),
    access('write'),
    validate('json', NewProject),
    async (c) => {
      const result = await createProject(c.var.db, c.req.valid('json'), auditContext(c.var))
      if ('project' in result) return c.json(result.project, 201)
      if (result.refused === 'unknown_person') return c.json(unknownPerson, 422)
      return c.json(codeTaken, 409)
    },
  )
  .get(
    '/:code',
    doc({
      summary: 'One project: its fields, budget lines, BAC and the BAC by category and capex/opex',
      tags,
      responses: { 200: ProjectRecord },
      errors: ['project_not_found'],
    }),
    access('read'),
    validate('param', ProjectCodeParam),
    async (c) => {
      const project = await projectRecord(c.var.db, c.req.valid('param').code)
      if (!project) return c.json(projectNotFound, 404)
      return c.json(project, 200)
    },
  )
  .patch(
    '/:code',
    doc({
      summary: 'Change some of a project’s fields',
      description:
        'Any of name, description, ownerPersonId, sponsor, startDate, endDate and status. The code cannot be changed: cost imports and finance systems know the project by it. A date given alone is checked against the stored other one. Audited field by field.',
      tags,
      responses: { 200: ProjectRecord },
      errors: ['validation_failed', 'project_not_found', 'unknown_person'],
    }),
    access('write'),
    validate('param', ProjectCodeParam),
    validate('json', ProjectPatch),
    async (c) => {
      const change = { code: c.req.valid('param').code, patch: c.req.valid('json') }
      const result = await editProject(c.var.db, change, auditContext(c.var))
      if ('project' in result) return c.json(result.project, 200)
      if (result.refused === 'invalid') return c.json(invalid(result.details), 400)
      if (result.refused === 'unknown_person') return c.json(unknownPerson, 422)
      return c.json(projectNotFound, 404)
    },
  )
  .delete(
    '/:code',
    doc({
      summary: 'Delete a project entered by mistake',
      description:
        'Only a project with no cost entries, no progress and nobody booked to it; its budget lines and baselines go with it. Otherwise 409: cancel or close it instead. Audited.',
      tags,
      responses: { 204: null },
      errors: ['project_not_found', 'project_has_actuals', 'project_has_allocations'],
    }),
    access('write'),
    validate('param', ProjectCodeParam),
    async (c) => {
      const { code } = c.req.valid('param')
      const result = await removeProject(c.var.db, code, auditContext(c.var))
      if ('deleted' in result) return c.body(null, 204)
      switch (result.refused) {
        case 'project_not_found':
          return c.json(projectNotFound, 404)
        case 'project_has_actuals': {
          const message = `${code} has ${result.costEntries} cost entries and ${result.progress} progress records: cancel or close it instead of deleting it`
          return c.json(errorBody('project_has_actuals', message), 409)
        }
        case 'project_has_allocations': {
          const message = `People are booked to ${code} in ${result.allocations} capacity allocations: remove them, or cancel the project instead of deleting it`
          return c.json(errorBody('project_has_allocations', message), 409)
        }
      }
    },
  )
  .route('/', lineRoutes)
