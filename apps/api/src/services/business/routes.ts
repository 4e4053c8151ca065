import type { Database } from '@opsdeck/db'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { businessFigures } from './figures.ts'
import { listGroups } from './queries.ts'
import {
  BusinessServiceBody,
  BusinessServiceList,
  BusinessServicePatch,
  NewBusinessService,
} from './schemas.ts'
import { SlugParam } from '../catalogue/schemas.ts'
import {
  archiveBusinessService,
  createBusinessService,
  editBusinessService,
} from './save-business-service.ts'

const tags = ['business services']

const notFound = errorBody('business_service_not_found', 'No such business service')

const badComponents = (details: { path: string; message: string }[]) =>
  errorBody(
    'invalid_components',
    `Components refused: ${details.map((d) => d.message).join('; ')}`,
    details,
  )

/** One business service with its figures now, or undefined. */
async function findBusinessService(db: Kysely<Database>, slug: string, now: Date) {
  const groups = await listGroups(db, { slug })
  const [figures] = await businessFigures(db, groups, now)
  return figures
}

const ACCOUNTING =
  'Each minute, the roll-up rule over the components’ states: degraded counts as up; a component in maintenance or without data counts as neither, and the minute is maintenance or no data when it would decide it. Uptime = up minutes / (up + down minutes) over the raw samples, within their retention.'

// Business services (groups of services with a roll-up rule): everyone reads, managers change.
export const businessServices = new Hono<AppEnv>()
  .get(
    '/',
    doc({
      summary: 'Business services not archived, with their status now and uptime',
      description: ACCOUNTING,
      tags,
      responses: { 200: BusinessServiceList },
    }),
    access('read'),
    async (c) => {
      const groups = await listGroups(c.var.db, { active: true })
      const businessServices = await businessFigures(c.var.db, groups, c.var.now)
      return c.json({ now: c.var.now.toISOString(), businessServices }, 200)
    },
  )
  .get(
    '/:slug',
    doc({
      summary: 'A business service, archived or not, with its status now and uptime',
      description: ACCOUNTING,
      tags,
      responses: { 200: BusinessServiceBody },
      errors: ['business_service_not_found'],
    }),
    access('read'),
    validate('param', SlugParam),
    async (c) => {
      const found = await findBusinessService(c.var.db, c.req.valid('param').slug, c.var.now)
      if (!found) return c.json(notFound, 404)
      return c.json({ businessService: found }, 200)
    },
  )
  .post(
    '/',
    doc({
      summary: 'Add a business service made of component services',
      tags,
      responses: { 201: BusinessServiceBody },
      errors: ['slug_taken', 'invalid_components'],
    }),
    access('write'),
    validate('json', NewBusinessService),
    async (c) => {
      const input = c.req.valid('json')
      const result = await c.var.db
        .transaction()
        .execute((trx) => createBusinessService(trx, input, auditContext(c.var)))
      if (result.refused === 'invalid_components') {
        return c.json(badComponents(result.details), 422)
      }
      if (result.refused === 'slug_taken') {
        const details = [{ path: 'json.slug', message: 'is taken by another business service' }]
        return c.json(errorBody('slug_taken', 'A business service has this slug', details), 409)
      }
      const found = await findBusinessService(c.var.db, result.slug, c.var.now)
      if (!found) throw new Error(`business service ${result.slug} vanished after its insert`)
      return c.json({ businessService: found }, 201)
    },
  )
  .patch(
    '/:slug',
    doc({
      summary: "Change some of a business service's fields, its rule or its components",
      description:
        'Fields left out keep their value; components, when sent, replace the list. Changing the rule away from at_least drops minUp.',
      tags,
      responses: { 200: BusinessServiceBody },
      errors: ['validation_failed', 'business_service_not_found', 'invalid_components'],
    }),
    access('write'),
    validate('param', SlugParam),
    validate('json', BusinessServicePatch),
    async (c) => {
      const { slug } = c.req.valid('param')
      const patch = c.req.valid('json')
      const result = await editBusinessService(c.var.db, { slug, patch }, auditContext(c.var))
      if (result.refused === 'not_found') return c.json(notFound, 404)
      if (result.refused === 'invalid') {
        const summary = result.details.map((d) => `${d.path}: ${d.message}`).join('; ')
        return c.json(
          errorBody('validation_failed', `Invalid request: ${summary}`, result.details),
          400,
        )
      }
      if (result.refused === 'invalid_components') {
        return c.json(badComponents(result.details), 422)
      }
      const found = await findBusinessService(c.var.db, result.slug, c.var.now)
      if (!found) return c.json(notFound, 404)
      return c.json({ businessService: found }, 200)
    },
  )
  .post(
    '/:slug/archive',
    doc({
      summary:
        'Archive a business service: it leaves the list, nothing is deleted (again: no change)',
      tags,
      responses: { 200: BusinessServiceBody },
      errors: ['business_service_not_found'],
    }),
    access('write'),
    validate('param', SlugParam),
    async (c) => {
      const { slug } = c.req.valid('param')
      const who = auditContext(c.var)
      const result = await archiveBusinessService(c.var.db, { slug, archived: true }, who)
      if (result.refused === 'not_found') return c.json(notFound, 404)
      const found = await findBusinessService(c.var.db, slug, c.var.now)
      if (!found) return c.json(notFound, 404)
      return c.json({ businessService: found }, 200)
    },
  )
  .post(
    '/:slug/restore',
    doc({
      summary: 'Bring an archived business service back (again: no change)',
      description: 'Refused while one of its components is archived: restore that service first.',
      tags,
      responses: { 200: BusinessServiceBody },
      errors: ['business_service_not_found', 'invalid_components'],
    }),
    access('write'),
    validate('param', SlugParam),
    async (c) => {
      const { slug } = c.req.valid('param')
      const who = auditContext(c.var)
      const result = await archiveBusinessService(c.var.db, { slug, archived: false }, who)
      if (result.refused === 'not_found') return c.json(notFound, 404)
      if (result.refused === 'archived_components') {
        const details = result.archived.map((s) => ({
          path: 'components',
          message: `'${s}' is archived: restore it first`,
        }))
        return c.json(badComponents(details), 422)
      }
      const found = await findBusinessService(c.var.db, slug, c.var.now)
      if (!found) return c.json(notFound, 404)
      return c.json({ businessService: found }, 200)
    },
  )
