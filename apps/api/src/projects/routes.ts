import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { doc } from '../lib/openapi.ts'
import { invalidRange, RangeQuery } from '../lib/range.ts'
import { scopeOf } from '../lib/scope.ts'
import { validate } from '../lib/validate.ts'
import { ProjectsSummary } from './schemas.ts'
import { projectsSummary } from './summary.ts'

export const projects = new Hono<AppEnv>().get(
  '/summary',
  doc({
    summary:
      'The live portfolio as of the range’s last day: budget, spend, forecast, RAG and the projects at risk',
    tags: ['projects'],
    responses: { 200: ProjectsSummary },
    errors: ['invalid_range'],
  }),
  access('read'),
  validate('query', RangeQuery),
  async (c) => {
    const scoped = await scopeOf(c.var.db, c.req.valid('query'), c.var.now)
    if (!scoped.ok) return c.json(invalidRange(scoped.message), 400)
    return c.json(await projectsSummary(c.var.db, scoped.scope), 200)
  },
)
