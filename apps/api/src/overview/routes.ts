import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { capacitySummary } from '../capacity/summary.ts'
import { incidentsSummary } from '../incidents/summary.ts'
import { doc } from '../lib/openapi.ts'
import { invalidRange, RangeQuery } from '../lib/range.ts'
import { scopeOf } from '../lib/scope.ts'
import { validate } from '../lib/validate.ts'
import { projectsSummary } from '../projects/summary.ts'
import { servicesSummary } from '../services/summary.ts'
import { Overview } from './schemas.ts'

// Composition only: each area computes its own summary for the same scope.
export const overview = new Hono<AppEnv>().get(
  '/',
  doc({
    summary: 'The four areas for a range: services, incidents, budgets and capacity',
    tags: ['overview'],
    responses: { 200: Overview },
    errors: ['invalid_range'],
  }),
  access('read'),
  validate('query', RangeQuery),
  async (c) => {
    const scoped = await scopeOf(c.var.db, c.req.valid('query'), c.var.now)
    if (!scoped.ok) return c.json(invalidRange(scoped.message), 400)
    const { db } = c.var
    const [services, incidents, budgets, capacity] = await Promise.all([
      servicesSummary(db, scoped.scope),
      incidentsSummary(db, scoped.scope),
      projectsSummary(db, scoped.scope),
      capacitySummary(db, scoped.scope),
    ])
    return c.json({ services, incidents, budgets, capacity }, 200)
  },
)
