import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { doc } from '../../lib/openapi.ts'
import { invalidRange } from '../../lib/range.ts'
import { validate } from '../../lib/validate.ts'
import { listTimeOff } from './queries.ts'
import {
  NewTimeOff,
  TimeOff,
  TimeOffList,
  TimeOffListQuery,
  TimeOffParam,
  TimeOffPatch,
} from './schemas.ts'
import { addTimeOff, deleteTimeOff, editTimeOff, timeOffNotFound } from './write-time-off.ts'

const tags = ['capacity']

const FIELDS =
  'personId, firstDay ≤ lastDay (less than 3 years apart), kind (annual_leave, sick, training or other; default annual_leave), halfDay (only when firstDay = lastDay), note. Time off of the same person over a day already taken is 409 `time_off_overlaps` naming the other (two half days of one day are allowed). Days with not one day of the person’s employment are 400 naming firstDay and lastDay, as allocations are.'

// People's time off: it lowers their effective capacity, not their bookings (packages/kpi).
export const timeOff = new Hono<AppEnv>()
  .get(
    '/',
    doc({
      summary:
        'Time off by first day, filtered by person (id) and days (from/to: time off on any day between)',
      tags,
      responses: { 200: TimeOffList },
      errors: ['invalid_range'],
    }),
    access('read'),
    validate('query', TimeOffListQuery),
    async (c) => {
      const { limit, ...filters } = c.req.valid('query')
      if (filters.from && filters.to && filters.from > filters.to) {
        return c.json(invalidRange('`from` must be on or before `to`'), 400)
      }
      const rows = await listTimeOff(c.var.db, filters, limit + 1)
      return c.json({ timeOff: rows.slice(0, limit), truncated: rows.length > limit }, 200)
    },
  )
  .post(
    '/',
    doc({
      summary: 'Record a person’s time off (full days, or half of one day)',
      description: FIELDS,
      tags,
      responses: { 201: TimeOff },
      errors: ['unknown_person', 'time_off_overlaps'],
    }),
    access('write'),
    validate('json', NewTimeOff),
    async (c) => {
      const result = await addTimeOff(c.var.db, c.req.valid('json'), auditContext(c.var))
      if ('refused' in result) return c.json(result.refused.body, result.refused.status)
      return c.json(result.timeOff, 201)
    },
  )
  .patch(
    '/:id',
    doc({
      summary: 'Change a person’s time off (not whose it is)',
      description: `Fields left out keep their value. ${FIELDS} Audited with each field’s from and to.`,
      tags,
      responses: { 200: TimeOff },
      errors: ['time_off_not_found', 'time_off_overlaps'],
    }),
    access('write'),
    validate('param', TimeOffParam),
    validate('json', TimeOffPatch),
    async (c) => {
      const change = { id: c.req.valid('param').id, patch: c.req.valid('json') }
      const result = await editTimeOff(c.var.db, change, auditContext(c.var))
      if ('refused' in result) return c.json(result.refused.body, result.refused.status)
      return c.json(result.timeOff, 200)
    },
  )
  .delete(
    '/:id',
    doc({
      summary: 'Delete a person’s time off (audited with its fields)',
      tags,
      responses: { 204: null },
      errors: ['time_off_not_found'],
    }),
    access('write'),
    validate('param', TimeOffParam),
    async (c) => {
      const result = await deleteTimeOff(c.var.db, c.req.valid('param').id, auditContext(c.var))
      if ('deleted' in result) return c.body(null, 204)
      return c.json(timeOffNotFound, 404)
    },
  )
