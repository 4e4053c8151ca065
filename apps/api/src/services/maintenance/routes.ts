import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { createMaintenance } from './create-maintenance.ts'
import { deleteMaintenanceSchedule, deleteMaintenanceWindow } from './delete-maintenance.ts'
import { findMaintainedService, listMaintenance, withState } from './queries.ts'
import {
  CreatedMaintenance,
  MaintenanceIdParam,
  MaintenanceList,
  MaintenanceQuery,
  MaintenanceSlugParam,
  NewMaintenance,
} from './schemas.ts'

const tags = ['services']
const DAY_MS = 86_400_000
const NO_SERVICE = 'No such service'

// A service's maintenance windows: one-off, and weekly schedules whose occurrences are written
// ahead of time. Samples inside a window count as neither up nor down; the window must exist
// when they are recorded, hence no window that starts in the past.
export const maintenance = new Hono<AppEnv>()
  .get(
    '/:slug/maintenance',
    doc({
      summary:
        'A service’s maintenance: upcoming, in-progress and recent windows, and its weekly schedules',
      tags,
      responses: { 200: MaintenanceList },
      errors: ['service_not_found'],
    }),
    access('read'),
    validate('param', MaintenanceSlugParam),
    validate('query', MaintenanceQuery),
    async (c) => {
      const { slug } = c.req.valid('param')
      const { recentDays } = c.req.valid('query')
      const service = await findMaintainedService(c.var.db, slug)
      if (!service) return c.json(errorBody('service_not_found', NO_SERVICE), 404)
      const now = c.var.now
      const since = new Date(now.getTime() - recentDays * DAY_MS)
      const { windows, schedules } = await listMaintenance(c.var.db, service.id, since)
      return c.json({ windows: windows.map((w) => withState(w, now)), schedules }, 200)
    },
  )
  .post(
    '/:slug/maintenance',
    doc({
      summary: 'Plan a maintenance window: one-off, or weekly in a time zone',
      description:
        'One-off: `{ startsAt, endsAt, reason }`. Weekly: `{ weekly: { isoWeekday, localStart, durationMinutes, timezone?, startsOn, endsOn? }, reason }`, its occurrences written eight weeks ahead. A window may not start in the past: samples already recorded keep their accounting.',
      tags,
      responses: { 201: CreatedMaintenance },
      errors: [
        'service_not_found',
        'service_archived',
        'maintenance_in_past',
        'invalid_maintenance',
      ],
    }),
    access('write'),
    validate('param', MaintenanceSlugParam),
    validate('json', NewMaintenance),
    async (c) => {
      const { slug } = c.req.valid('param')
      const input = c.req.valid('json')
      const outcome = await createMaintenance(c.var.db, { slug, input, who: auditContext(c.var) })
      if ('created' in outcome) return c.json(outcome.created, 201)
      if (outcome.refused === 'not_found') {
        return c.json(errorBody('service_not_found', NO_SERVICE), 404)
      }
      if (outcome.refused === 'archived') {
        const message = `${slug} is archived: restore it before planning maintenance`
        return c.json(errorBody('service_archived', message), 422)
      }
      const [first] = outcome.problems
      const details = outcome.problems.map(({ path, message }) => ({ path, message }))
      const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ')
      return c.json(errorBody(first!.code, `Cannot plan this window: ${summary}`, details), 422)
    },
  )
  .delete(
    '/:slug/maintenance/:id',
    doc({
      summary: 'Cancel a one-off maintenance window that has not started',
      tags,
      responses: { 204: null },
      errors: [
        'service_not_found',
        'maintenance_window_not_found',
        'maintenance_started',
        'maintenance_scheduled',
      ],
    }),
    access('write'),
    validate('param', MaintenanceIdParam),
    async (c) => {
      const { slug, id } = c.req.valid('param')
      const outcome = await deleteMaintenanceWindow(c.var.db, {
        slug,
        id,
        who: auditContext(c.var),
      })
      if ('deleted' in outcome) return c.body(null, 204)
      switch (outcome.refused) {
        case 'service_not_found':
          return c.json(errorBody('service_not_found', NO_SERVICE), 404)
        case 'not_found':
          return c.json(
            errorBody('maintenance_window_not_found', 'No such maintenance window'),
            404,
          )
        case 'scheduled': {
          const message = `This window is an occurrence of weekly schedule ${outcome.scheduleId}: delete the schedule to cancel its upcoming windows`
          return c.json(errorBody('maintenance_scheduled', message), 409)
        }
        case 'started': {
          const message = `This window started at ${outcome.window.startsAt.toISOString()}: it stays, as the samples in it were counted as maintenance`
          return c.json(errorBody('maintenance_started', message), 409)
        }
      }
    },
  )
  .delete(
    '/:slug/maintenance-schedules/:id',
    doc({
      summary: 'Delete a weekly maintenance schedule and its windows that have not started',
      description: 'Windows that have started stay, as history.',
      tags,
      responses: { 204: null },
      errors: ['service_not_found', 'maintenance_schedule_not_found'],
    }),
    access('write'),
    validate('param', MaintenanceIdParam),
    async (c) => {
      const { slug, id } = c.req.valid('param')
      const who = auditContext(c.var)
      const outcome = await deleteMaintenanceSchedule(c.var.db, { slug, id, who })
      if ('deleted' in outcome) return c.body(null, 204)
      if (outcome.refused === 'service_not_found') {
        return c.json(errorBody('service_not_found', NO_SERVICE), 404)
      }
      return c.json(
        errorBody('maintenance_schedule_not_found', 'No such maintenance schedule'),
        404,
      )
    },
  )
