import { roleAtLeast } from '@opsdeck/contract'
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import type { Actor } from '../../auth/actor.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { IdParam } from '../../lib/params.ts'
import { validate } from '../../lib/validate.ts'
import { findSchedule, listDeliveries, listSchedules, type ScheduleRow } from './queries.ts'
import { createSchedule, deleteSchedule, editSchedule } from './save-schedule.ts'
import {
  DeliveryLog,
  NewSchedule,
  NO_CHANNEL,
  Schedule,
  ScheduleList,
  SchedulePatch,
} from './schemas.ts'

const tags = ['reports']
const notFound = errorBody('schedule_not_found', 'No such report schedule')
const noChannel = errorBody('validation_failed', `Invalid request: json.emailTo: ${NO_CHANNEL}`, [
  { path: 'json.emailTo', message: NO_CHANNEL },
])

// A webhook URL often holds its secret (a chat's incoming hook): only those who may change the
// schedule see it whole; readers see where it goes.
function asSeenBy(actor: Actor, s: ScheduleRow): ScheduleRow {
  const writer = actor.type === 'user' && roleAtLeast(actor.user.role, 'manager')
  if (writer || s.webhookUrl === null) return s
  return { ...s, webhookUrl: `${new URL(s.webhookUrl).origin}/…` }
}

/** Report schedules (mounted at /reports/schedules): when packs are frozen and where they go. */
export const reportSchedules = new Hono<AppEnv>()
  .get(
    '/',
    doc({ summary: 'Every report schedule', tags, responses: { 200: ScheduleList } }),
    access('read'),
    async (c) => {
      const schedules = await listSchedules(c.var.db)
      return c.json({ schedules: schedules.map((s) => asSeenBy(c.var.actor, s)) }, 200)
    },
  )
  .post(
    '/',
    doc({
      summary: 'Add a report schedule',
      description:
        'Runs on the first working day of each week, month or quarter at a local time, freezing ' +
        'the last whole period and sending it by email and/or webhook. Audited.',
      tags,
      responses: { 201: Schedule },
    }),
    access('write'),
    validate('json', NewSchedule),
    async (c) => {
      const schedule = await createSchedule(c.var.db, c.req.valid('json'), auditContext(c.var))
      return c.json(schedule, 201)
    },
  )
  .patch(
    '/:id',
    doc({
      summary: 'Change a report schedule',
      description: 'A new period kind or time, or enabling it again, moves its next run. Audited.',
      tags,
      responses: { 200: Schedule },
      errors: ['schedule_not_found'],
    }),
    access('write'),
    validate('param', IdParam),
    validate('json', SchedulePatch),
    async (c) => {
      const { id } = c.req.valid('param')
      const patch = c.req.valid('json')
      const result = await editSchedule(c.var.db, { id, patch }, auditContext(c.var))
      if ('refused' in result) {
        return result.refused === 'not_found' ? c.json(notFound, 404) : c.json(noChannel, 400)
      }
      return c.json(result.schedule, 200)
    },
  )
  .delete(
    '/:id',
    doc({
      summary: 'Delete a report schedule and its delivery log (its snapshots stay)',
      tags,
      responses: { 204: null },
      errors: ['schedule_not_found'],
    }),
    access('write'),
    validate('param', IdParam),
    async (c) => {
      const deleted = await deleteSchedule(c.var.db, c.req.valid('param').id, auditContext(c.var))
      if (!deleted) return c.json(notFound, 404)
      return c.body(null, 204)
    },
  )
  .get(
    '/:id/deliveries',
    doc({
      summary: 'A report schedule’s delivery log: the latest 50, newest first',
      tags,
      responses: { 200: DeliveryLog },
      errors: ['schedule_not_found'],
    }),
    access('read'),
    validate('param', IdParam),
    async (c) => {
      const { id } = c.req.valid('param')
      if (!(await findSchedule(c.var.db, id))) return c.json(notFound, 404)
      return c.json({ deliveries: await listDeliveries(c.var.db, id) }, 200)
    },
  )
