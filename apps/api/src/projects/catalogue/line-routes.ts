import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { ProjectCodeParam, projectNotFound } from '../project-ref.ts'
import { addBudgetLine, editBudgetLine, removeBudgetLine } from './change-budget-lines.ts'
import { BudgetLineParam, BudgetLinePatch, NewBudgetLine, ProjectRecord } from './schemas.ts'

const tags = ['projects']

const lineNotFound = errorBody('budget_line_not_found', 'The project has no such budget line')
const lineInUse = errorBody(
  'budget_line_in_use',
  'Cost entries are booked against this budget line: move them to another line first, or set its amount to 0',
)

type Refusal = 'project_not_found' | 'budget_line_not_found' | 'budget_line_in_use'
const REFUSALS = {
  project_not_found: [projectNotFound, 404],
  budget_line_not_found: [lineNotFound, 404],
  budget_line_in_use: [lineInUse, 409],
} as const satisfies Record<Refusal, readonly [unknown, number]>

// A project's budget lines (its BAC). Each write answers with the whole project, whose BAC and
// splits it changed.
export const lineRoutes = new Hono<AppEnv>()
  .post(
    '/:code/lines',
    doc({
      summary: 'Add a budget line to a project',
      description:
        'A name, one of the six categories, capex or opex, and whole pence (0 or more). Answers with the project. Audited.',
      tags,
      responses: { 201: ProjectRecord },
      errors: ['project_not_found'],
    }),
    access('write'),
    validate('param', ProjectCodeParam),
    validate('json', NewBudgetLine),
    async (c) => {
      const args = { code: c.req.valid('param').code, line: c.req.valid('json') }
      const result = await addBudgetLine(c.var.db, args, auditContext(c.var))
      if ('project' in result) return c.json(result.project, 201)
      const [body, status] = REFUSALS[result.refused]
      return c.json(body, status)
    },
  )
  .patch(
    '/:code/lines/:id',
    doc({
      summary: 'Change some of a budget line’s fields',
      description: 'Answers with the project. Audited field by field.',
      tags,
      responses: { 200: ProjectRecord },
      errors: ['project_not_found', 'budget_line_not_found'],
    }),
    access('write'),
    validate('param', BudgetLineParam),
    validate('json', BudgetLinePatch),
    async (c) => {
      const args = { ...c.req.valid('param'), patch: c.req.valid('json') }
      const result = await editBudgetLine(c.var.db, args, auditContext(c.var))
      if ('project' in result) return c.json(result.project, 200)
      const [body, status] = REFUSALS[result.refused]
      return c.json(body, status)
    },
  )
  .delete(
    '/:code/lines/:id',
    doc({
      summary: 'Delete a budget line',
      description:
        'Not one that cost entries are booked against (409 budget_line_in_use). Answers with the project. Audited.',
      tags,
      responses: { 200: ProjectRecord },
      errors: ['project_not_found', 'budget_line_not_found', 'budget_line_in_use'],
    }),
    access('write'),
    validate('param', BudgetLineParam),
    async (c) => {
      const result = await removeBudgetLine(c.var.db, c.req.valid('param'), auditContext(c.var))
      if ('project' in result) return c.json(result.project, 200)
      const [body, status] = REFUSALS[result.refused]
      return c.json(body, status)
    },
  )
