import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { invalidRange, REVERSED, toInstant } from '../../lib/range.ts'
import { validate } from '../../lib/validate.ts'
import { incidentDetail } from './incident-detail.ts'
import { listIncidents } from './list-incidents.ts'
import { IncidentRefParam } from '../schemas.ts'
import { IncidentListQuery } from './requests.ts'
import { IncidentDetail, IncidentList } from './schemas.ts'
import { cached } from '../../lib/figures-cache.ts'

const tags = ['incidents']

// GET /incidents (filtered, keyset-paginated) and GET /incidents/:ref.
export const reads = new Hono<AppEnv>()
  .get(
    '/',
    doc({
      summary:
        'Incidents, open first, then by severity, then newest: commander, affected services, age or duration, and the state of the acknowledge and resolve targets; filtered; a page at a time (cursor)',
      tags,
      responses: { 200: IncidentList },
      errors: ['invalid_range'],
    }),
    access('read'),
    validate('query', IncidentListQuery),
    (c) =>
      cached(c, async () => {
        const q = c.req.valid('query')
        // A day as a bound is a day where the organisation is.
        const timezone = q.from || q.to ? (await getOrganisation(c.var.readDb)).timezone : 'UTC'
        const from = q.from ? toInstant(q.from, timezone, 'start') : undefined
        const to = q.to ? toInstant(q.to, timezone, 'end') : undefined
        if (from && to && from >= to) return c.json(invalidRange(REVERSED), 400)
        const filters = {
          status: q.status,
          severities: q.severity,
          services: q.service,
          teams: q.team,
          q: q.q,
          from,
          to,
        }
        const page = { after: q.cursor, limit: q.limit }
        return c.json(await listIncidents(c.var.readDb, filters, page, c.var.now), 200)
      }),
  )
  .get(
    '/:ref',
    doc({
      summary:
        'One incident: its fields, affected services, response targets and their state, the whole timeline oldest first, the review and the follow-up actions (overdue flagged)',
      tags,
      responses: { 200: IncidentDetail },
      errors: ['incident_not_found'],
    }),
    access('read'),
    validate('param', IncidentRefParam),
    async (c) => {
      const org = await getOrganisation(c.var.readDb)
      const body = await incidentDetail(c.var.readDb, c.req.valid('param').ref, org, c.var.now)
      if (!body) return c.json(notFound, 404)
      return c.json(body, 200)
    },
  )

const notFound = errorBody('incident_not_found', 'No such incident')
