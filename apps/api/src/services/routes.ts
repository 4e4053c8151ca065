import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { doc } from '../lib/openapi.ts'
import { invalidRange, RangeQuery } from '../lib/range.ts'
import { scopeOf } from '../lib/scope.ts'
import { validate } from '../lib/validate.ts'
import { ServicesSummary } from './schemas.ts'
import { servicesSummary } from './summary.ts'

export const services = new Hono<AppEnv>().get(
  '/summary',
  doc({
    summary: 'Services now and over the range: status counts, uptime and SLO health per tier',
    tags: ['services'],
    responses: { 200: ServicesSummary },
    errors: ['invalid_range'],
  }),
  access('read'),
  validate('query', RangeQuery),
  async (c) => {
    const scoped = await scopeOf(c.var.db, c.req.valid('query'), c.var.now)
    if (!scoped.ok) return c.json(invalidRange(scoped.message), 400)
    return c.json(await servicesSummary(c.var.db, scoped.scope), 200)
  },
)
