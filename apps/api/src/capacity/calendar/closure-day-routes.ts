import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { invalidRange } from '../../lib/range.ts'
import { validate } from '../../lib/validate.ts'
import { listClosureDays } from './queries.ts'
import {
  ClosureDay,
  ClosureDayList,
  ClosureDayListQuery,
  ClosureDayParam,
  NewClosureDay,
} from './schemas.ts'
import { addClosureDay, deleteClosureDay } from './write-closure-day.ts'

const tags = ['capacity']

// Days the whole organisation is closed: no one's working day, like a bank holiday.
export const closureDays = new Hono<AppEnv>()
  .get(
    '/',
    doc({
      summary: 'The organisation’s closure days, by day, from/to (days, inclusive) when given',
      tags,
      responses: { 200: ClosureDayList },
      errors: ['invalid_range'],
    }),
    access('read'),
    validate('query', ClosureDayListQuery),
    async (c) => {
      const range = c.req.valid('query')
      if (range.from && range.to && range.from > range.to) {
        return c.json(invalidRange('`from` must be on or before `to`'), 400)
      }
      return c.json({ closureDays: await listClosureDays(c.var.db, range) }, 200)
    },
  )
  .post(
    '/',
    doc({
      summary: 'Close the organisation on a day: nobody works it, nothing is booked on it',
      description: '{day, name}; 409 `closure_day_taken` when the day is already one.',
      tags,
      responses: { 201: ClosureDay },
      errors: ['closure_day_taken'],
    }),
    access('write'),
    validate('json', NewClosureDay),
    async (c) => {
      const body = c.req.valid('json')
      const result = await addClosureDay(c.var.db, body, auditContext(c.var))
      if ('taken' in result) {
        const message = `The organisation is already closed on ${body.day} (${result.taken})`
        const details = [
          { path: 'json.day', message: `is already a closure day (${result.taken})` },
        ]
        return c.json(errorBody('closure_day_taken', message, details), 409)
      }
      return c.json(result.closureDay, 201)
    },
  )
  .delete(
    '/:day',
    doc({
      summary: 'Open a closure day again (audited)',
      tags,
      responses: { 204: null },
      errors: ['closure_day_not_found'],
    }),
    access('write'),
    validate('param', ClosureDayParam),
    async (c) => {
      const { day } = c.req.valid('param')
      const result = await deleteClosureDay(c.var.db, day, auditContext(c.var))
      if (result.deleted) return c.body(null, 204)
      return c.json(errorBody('closure_day_not_found', `${day} is no closure day`), 404)
    },
  )
