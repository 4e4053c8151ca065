import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { doc } from '../lib/openapi.ts'
import { invalidRange, RangeQuery } from '../lib/range.ts'
import { scopeOf } from '../lib/scope.ts'
import { validate } from '../lib/validate.ts'
import { CapacitySummary } from './schemas.ts'
import { capacitySummary } from './summary.ts'

export const capacity = new Hono<AppEnv>().get(
  '/summary',
  doc({
    summary: 'This week’s capacity, allocation and utilization per team and for all teams',
    tags: ['capacity'],
    responses: { 200: CapacitySummary },
    errors: ['invalid_range'],
  }),
  access('read'),
  validate('query', RangeQuery),
  async (c) => {
    const scoped = await scopeOf(c.var.db, c.req.valid('query'), c.var.now)
    if (!scoped.ok) return c.json(invalidRange(scoped.message), 400)
    return c.json(await capacitySummary(c.var.db, scoped.scope), 200)
  },
)
