import { MAX_ALLOCATION_HOURS, MAX_ALLOCATION_PERCENT } from '@opsdeck/contract'
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { doc } from '../../lib/openapi.ts'
import { invalidRange } from '../../lib/range.ts'
import { validate } from '../../lib/validate.ts'
import { previewAllocation } from './preview-allocation.ts'
import { organisationDay } from '../people/queries.ts'
import { listAllocations } from './queries.ts'
import {
  Allocation,
  AllocationList,
  AllocationListQuery,
  AllocationParam,
  AllocationPatch,
  AllocationPreview,
  AllocationPreviewBody,
  NewAllocation,
} from './schemas.ts'
import { addAllocation, deleteAllocation, editAllocation } from './write-allocation.ts'

const tags = ['capacity']

const FIELDS = `personId (a person employed for at least part of the range; else 400 naming firstDay and lastDay with their dates), kind (project, run or support), projectCode (kind project only: a project neither closed nor cancelled, else 422 \`unknown_project\`), firstDay ≤ lastDay (less than 3 years apart), exactly one of hoursPerWeek (0 < h ≤ ${MAX_ALLOCATION_HOURS}, 2 decimals) and percent of the contracted hours (0 < p ≤ ${MAX_ALLOCATION_PERCENT}), status (confirmed or tentative; default confirmed), note.`

// People booked to projects, run/BAU and support over days: a read for everyone with read access,
// writes (audited) for managers and admins.
export const allocations = new Hono<AppEnv>()
  .get(
    '/',
    doc({
      summary:
        'Allocations by first day, filtered by person (id), project (code), team (slug, the person’s team today, by their memberships), days (from/to: those running on any day between), status and kind; with the weekly hours each books',
      tags,
      responses: { 200: AllocationList },
      errors: ['invalid_range'],
    }),
    access('read'),
    validate('query', AllocationListQuery),
    async (c) => {
      const { limit, ...filters } = c.req.valid('query')
      if (filters.from && filters.to && filters.from > filters.to) {
        return c.json(invalidRange('`from` must be on or before `to`'), 400)
      }
      const today = await organisationDay(c.var.db, c.var.now)
      const rows = await listAllocations(c.var.db, { ...filters, today }, limit + 1)
      return c.json({ allocations: rows.slice(0, limit), truncated: rows.length > limit }, 200)
    },
  )
  .post(
    '/preview',
    doc({
      summary:
        'The effect of an allocation on the person’s heatmap weeks before saving it: a new one, {id, patch} for a change, or {id, delete: true}; writes nothing',
      description:
        'Checked as the write would be. Answers each ISO week (Monday) the change touches with the person’s capacity, effective capacity and, confirmed and with tentative work, booked hours, utilization, free and over hours and overAllocated, before and after the change.',
      tags,
      responses: { 200: AllocationPreview },
      errors: ['allocation_not_found', 'unknown_person', 'unknown_project'],
    }),
    access('write'),
    validate('json', AllocationPreviewBody),
    async (c) => {
      const result = await previewAllocation(c.var.db, c.req.valid('json'))
      if ('refused' in result) return c.json(result.refused.body, result.refused.status)
      return c.json(result.preview, 200)
    },
  )
  .post(
    '/',
    doc({
      summary: 'Book a person: to a project, run/BAU or support, for a range of days',
      description: FIELDS,
      tags,
      responses: { 201: Allocation },
      errors: ['unknown_person', 'unknown_project'],
    }),
    access('write'),
    validate('json', NewAllocation),
    async (c) => {
      const result = await addAllocation(c.var.db, c.req.valid('json'), auditContext(c.var))
      if ('refused' in result) return c.json(result.refused.body, result.refused.status)
      return c.json(result.allocation, 201)
    },
  )
  .patch(
    '/:id',
    doc({
      summary: 'Change an allocation (not its person: delete it and book the other person)',
      description: `Fields left out keep their value; hoursPerWeek replaces percent and the other way round; a kind other than project drops the project. ${FIELDS} Audited with each field’s from and to.`,
      tags,
      responses: { 200: Allocation },
      errors: ['allocation_not_found', 'unknown_project'],
    }),
    access('write'),
    validate('param', AllocationParam),
    validate('json', AllocationPatch),
    async (c) => {
      const change = { id: c.req.valid('param').id, patch: c.req.valid('json') }
      const result = await editAllocation(c.var.db, change, auditContext(c.var))
      if ('refused' in result) return c.json(result.refused.body, result.refused.status)
      return c.json(result.allocation, 200)
    },
  )
  .delete(
    '/:id',
    doc({
      summary: 'Delete an allocation (audited with its fields)',
      tags,
      responses: { 204: null },
      errors: ['allocation_not_found'],
    }),
    access('write'),
    validate('param', AllocationParam),
    async (c) => {
      const result = await deleteAllocation(c.var.db, c.req.valid('param').id, auditContext(c.var))
      if ('deleted' in result) return c.body(null, 204)
      return c.json(result.refused.body, 404)
    },
  )
