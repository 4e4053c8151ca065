import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { archiveService } from './archive-service.ts'
import { NewService, ServiceConfigBody, ServicePatch, SlugParam } from './schemas.ts'
import { createService } from './create-service.ts'
import { editService } from './edit-service.ts'

const tags = ['services']

const notFound = errorBody('service_not_found', 'No such service')
const unknownTeam = errorBody('unknown_team', 'No team has this slug', [
  { path: 'json.ownerTeam', message: 'is not a team’s slug' },
])

// The catalogue's writes, for managers. There is no DELETE: a service with samples has history
// (uptime, incidents, audit) that must stay readable, so it is archived; one made by mistake is
// archived too, and its slug stays taken so that old links and pushed samples never reach another.
export const catalogue = new Hono<AppEnv>()
  .post(
    '/',
    doc({
      summary: 'Add a service to the catalogue',
      tags,
      responses: { 201: ServiceConfigBody },
      errors: ['slug_taken', 'unknown_team'],
    }),
    access('write'),
    validate('json', NewService),
    async (c) => {
      const input = c.req.valid('json')
      const result = await c.var.db
        .transaction()
        .execute((trx) => createService(trx, input, auditContext(c.var)))
      if (result.refused === 'unknown_team') return c.json(unknownTeam, 422)
      if (result.refused === 'slug_taken') {
        const details = [{ path: 'json.slug', message: 'is taken by another service' }]
        return c.json(errorBody('slug_taken', 'A service has this slug', details), 409)
      }
      return c.json({ service: result.service }, 201)
    },
  )
  .patch(
    '/:slug',
    doc({
      summary: "Change some of a service's fields or its check",
      description:
        'Fields left out keep their value; the check is judged as a whole with the patch applied (timeout < interval, degraded threshold < timeout, a probe’s target). The slug cannot change.',
      tags,
      responses: { 200: ServiceConfigBody },
      errors: ['validation_failed', 'service_not_found', 'unknown_team'],
    }),
    access('write'),
    validate('param', SlugParam),
    validate('json', ServicePatch),
    async (c) => {
      const { slug } = c.req.valid('param')
      const patch = c.req.valid('json')
      const result = await editService(c.var.db, { slug, patch }, auditContext(c.var))
      if (result.refused === 'not_found') return c.json(notFound, 404)
      if (result.refused === 'unknown_team') return c.json(unknownTeam, 422)
      if (result.refused === 'invalid') {
        const summary = result.details.map((d) => `${d.path}: ${d.message}`).join('; ')
        const message = `Invalid request: ${summary}`
        return c.json(errorBody('validation_failed', message, result.details), 400)
      }
      return c.json({ service: result.service }, 200)
    },
  )
  .post(
    '/:slug/archive',
    doc({
      summary: 'Archive a service: its history stays, it leaves the lists (again: no change)',
      tags,
      responses: { 200: ServiceConfigBody },
      errors: ['service_not_found', 'service_in_use'],
    }),
    access('write'),
    validate('param', SlugParam),
    async (c) => {
      const { slug } = c.req.valid('param')
      const result = await archiveService(c.var.db, { slug, archived: true }, auditContext(c.var))
      if (result.refused === 'not_found') return c.json(notFound, 404)
      if (result.refused === 'in_use') {
        const list = result.groups.join(', ')
        const message = `A component of business services that are not archived: ${list}`
        return c.json(errorBody('service_in_use', message), 409)
      }
      return c.json({ service: result.service }, 200)
    },
  )
  .post(
    '/:slug/restore',
    doc({
      summary: 'Bring an archived service back (again: no change)',
      tags,
      responses: { 200: ServiceConfigBody },
      errors: ['service_not_found'],
    }),
    access('write'),
    validate('param', SlugParam),
    async (c) => {
      const { slug } = c.req.valid('param')
      const result = await archiveService(c.var.db, { slug, archived: false }, auditContext(c.var))
      if (result.refused === 'not_found') return c.json(notFound, 404)
      return c.json({ service: result.service }, 200)
    },
  )
