import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { invalidRange } from '../../lib/range.ts'
import { validate } from '../../lib/validate.ts'
import { findProject, ProjectCodeParam, projectNotFound } from '../project-ref.ts'
import { addCostEntry } from './add-cost-entry.ts'
import { deleteCostEntry, editCostEntry } from './edit-cost-entry.ts'
import { listCostEntries } from './list-cost-entries.ts'
import {
  CostEntry,
  CostEntryList,
  CostEntryListQuery,
  CostEntryParam,
  CostEntryPatch,
  NewCostEntry,
} from './schemas.ts'

const tags = ['projects']

const entryNotFound = errorBody(
  'cost_entry_not_found',
  'The project has no cost entry with this id',
)
const referenceTaken = errorBody(
  'reference_taken',
  'The project has a cost entry with this reference',
  [{ path: 'json.reference', message: 'is already used in this project' }],
)
const unknownLine = errorBody(
  'unknown_budget_line',
  'The project has no budget line with this id',
  [{ path: 'json.budgetLineId', message: 'is not one of the project’s budget lines' }],
)
const ENTRY_FIELDS =
  'incurredOn (a day from 2000-01-01 on; accruals may be future-dated), amountPence (whole pence, not zero; negative for a credit), category and spendType (required without budgetLineId; with one, the line’s unless given), supplier, reference (an invoice or journal number, unique in the project when not empty), description, budgetLineId (one of the project’s lines, or null).'

// A project's actuals (cost entries): a read for everyone with read access, writes for managers,
// each write and its audit row in one transaction.
export const actuals = new Hono<AppEnv>()
  .get(
    '/:code/actuals',
    doc({
      summary:
        'A project’s cost entries, newest first, filtered by incurredOn (from/to inclusive), category, supplier and text; a page at a time (cursor), with the total of every entry the filters select',
      description:
        'Each entry with its budget line and who entered it; credits are negative. `supplier` is the supplier’s name exactly (any case); `q` searches the reference, description and supplier.',
      tags,
      responses: { 200: CostEntryList },
      errors: ['project_not_found', 'invalid_range'],
    }),
    access('read'),
    validate('param', ProjectCodeParam),
    validate('query', CostEntryListQuery),
    async (c) => {
      const { cursor, limit, ...filters } = c.req.valid('query')
      if (filters.from && filters.to && filters.from > filters.to) {
        return c.json(invalidRange('`from` must be on or before `to`'), 400)
      }
      const project = await findProject(c.var.db, c.req.valid('param').code)
      if (!project) return c.json(projectNotFound, 404)
      return c.json(
        await listCostEntries(c.var.db, project, filters, { after: cursor, limit }),
        200,
      )
    },
  )
  .post(
    '/:code/actuals',
    doc({
      summary: 'Record a cost entry (an actual) against a project',
      description: `${ENTRY_FIELDS} 409 \`reference_taken\` when the project already has the reference.`,
      tags,
      responses: { 201: CostEntry },
      errors: ['project_not_found', 'reference_taken', 'unknown_budget_line'],
    }),
    access('write'),
    validate('param', ProjectCodeParam),
    validate('json', NewCostEntry),
    async (c) => {
      const { code } = c.req.valid('param')
      const entry = c.req.valid('json')
      const result = await addCostEntry(c.var.db, { code, entry }, auditContext(c.var))
      if ('entry' in result) return c.json(result.entry, 201)
      if (result.refused === 'project_not_found') return c.json(projectNotFound, 404)
      if (result.refused === 'reference_taken') return c.json(referenceTaken, 409)
      // category_required cannot pass NewCostEntry; the line is the one left.
      return c.json(unknownLine, 422)
    },
  )
  .patch(
    '/:code/actuals/:id',
    doc({
      summary: 'Change a cost entry’s fields',
      description: `Fields left out keep their value. ${ENTRY_FIELDS} Audited with each field’s from and to.`,
      tags,
      responses: { 200: CostEntry },
      errors: [
        'project_not_found',
        'cost_entry_not_found',
        'reference_taken',
        'unknown_budget_line',
      ],
    }),
    access('write'),
    validate('param', CostEntryParam),
    validate('json', CostEntryPatch),
    async (c) => {
      const { code, id } = c.req.valid('param')
      const patch = c.req.valid('json')
      const result = await editCostEntry(c.var.db, { code, id, patch }, auditContext(c.var))
      if ('entry' in result) return c.json(result.entry, 200)
      if (result.refused === 'project_not_found') return c.json(projectNotFound, 404)
      if (result.refused === 'cost_entry_not_found') return c.json(entryNotFound, 404)
      if (result.refused === 'reference_taken') return c.json(referenceTaken, 409)
      return c.json(unknownLine, 422)
    },
  )
  .delete(
    '/:code/actuals/:id',
    doc({
      summary: 'Delete a cost entry (audited with its fields)',
      tags,
      responses: { 204: null },
      errors: ['project_not_found', 'cost_entry_not_found'],
    }),
    access('write'),
    validate('param', CostEntryParam),
    async (c) => {
      const { code, id } = c.req.valid('param')
      const result = await deleteCostEntry(c.var.db, { code, id }, auditContext(c.var))
      if ('deleted' in result) return c.body(null, 204)
      if (result.refused === 'project_not_found') return c.json(projectNotFound, 404)
      return c.json(entryNotFound, 404)
    },
  )
