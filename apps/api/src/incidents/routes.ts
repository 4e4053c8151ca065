import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { doc } from '../lib/openapi.ts'
import { invalidRange, RangeQuery } from '../lib/range.ts'
import { scopeOf } from '../lib/scope.ts'
import { validate } from '../lib/validate.ts'
import { IncidentsSummary } from './schemas.ts'
import { incidentsSummary } from './summary.ts'

export const incidents = new Hono<AppEnv>().get(
  '/summary',
  doc({
    summary: 'Open incidents by severity; MTTA and MTTR over the incidents started in the range',
    tags: ['incidents'],
    responses: { 200: IncidentsSummary },
    errors: ['invalid_range'],
  }),
  access('read'),
  validate('query', RangeQuery),
  async (c) => {
    const scoped = await scopeOf(c.var.db, c.req.valid('query'), c.var.now)
    if (!scoped.ok) return c.json(invalidRange(scoped.message), 400)
    return c.json(await incidentsSummary(c.var.db, scoped.scope), 200)
  },
)
