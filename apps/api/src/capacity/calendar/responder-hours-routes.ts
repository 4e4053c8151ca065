import { MAX_RESPONDER_HOURS } from '@opsdeck/contract'
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { localDay } from '../../lib/calendar.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { validate } from '../../lib/validate.ts'
import { invalid } from './day.ts'
import { findIncidentRef, listResponderHours } from './queries.ts'
import {
  IncidentRefParam,
  ResponderHours,
  ResponderHoursBody,
  ResponderHoursList,
  ResponderHoursParam,
} from './schemas.ts'
import { deleteResponderHours, putResponderHours } from './write-responder-hours.ts'

const tags = ['capacity']

const incidentNotFound = errorBody('incident_not_found', 'No such incident')
const unknownPerson = errorBody('unknown_person', 'No person with this id', [
  { path: 'param.personId', message: 'is no person' },
])

// Hours people logged working on an incident: incident toil in capacity, beside the commander's
// hours the incident's own times give. Mounted under /incidents; capacity's data, not the incident's.
export const responderHours = new Hono<AppEnv>()
  .get(
    '/:ref/hours',
    doc({
      summary: 'The hours responders logged on an incident, by day and person',
      tags,
      responses: { 200: ResponderHoursList },
      errors: ['incident_not_found'],
    }),
    access('read'),
    validate('param', IncidentRefParam),
    async (c) => {
      const incident = await findIncidentRef(c.var.db, c.req.valid('param').ref)
      if (!incident) return c.json(incidentNotFound, 404)
      const hours = await listResponderHours(c.var.db, incident.id)
      return c.json({ ref: incident.ref, hours }, 200)
    },
  )
  .put(
    '/:ref/hours/:personId/:day',
    doc({
      summary: 'Log the hours a person worked on an incident on a day, or replace them',
      description: `{hours (0 < h ≤ ${MAX_RESPONDER_HOURS}, 2 decimals), note}. The day runs from the incident’s start to today (the organisation’s days). 201 when new, 200 when it replaced the hours logged before; audited on the incident.`,
      tags,
      responses: { 200: ResponderHours, 201: ResponderHours },
      errors: ['incident_not_found', 'unknown_person'],
    }),
    access('write'),
    validate('param', ResponderHoursParam),
    validate('json', ResponderHoursBody),
    async (c) => {
      const key = c.req.valid('param')
      const { timezone } = await getOrganisation(c.var.db)
      const allowed = (startedAt: Date) => ({
        firstDay: localDay(startedAt, timezone),
        lastDay: localDay(c.var.now, timezone),
      })
      const result = await putResponderHours(
        c.var.db,
        key,
        c.req.valid('json'),
        allowed,
        auditContext(c.var),
      )
      if ('hours' in result) return c.json(result.hours, result.created ? 201 : 200)
      if (result.refused === 'incident_not_found') return c.json(incidentNotFound, 404)
      if (result.refused === 'unknown_person') return c.json(unknownPerson, 422)
      const message = `must be from the incident’s first day (${result.firstDay}) to today (${result.lastDay})`
      return c.json(invalid([{ path: 'param.day', message }]), 400)
    },
  )
  .delete(
    '/:ref/hours/:personId/:day',
    doc({
      summary: 'Delete the hours a person logged on an incident on a day (audited)',
      tags,
      responses: { 204: null },
      errors: ['incident_not_found', 'responder_hours_not_found'],
    }),
    access('write'),
    validate('param', ResponderHoursParam),
    async (c) => {
      const result = await deleteResponderHours(c.var.db, c.req.valid('param'), auditContext(c.var))
      if ('deleted' in result) return c.body(null, 204)
      if (result.refused === 'incident_not_found') return c.json(incidentNotFound, 404)
      const message = 'That person logged no hours on this incident on that day'
      return c.json(errorBody('responder_hours_not_found', message), 404)
    },
  )
