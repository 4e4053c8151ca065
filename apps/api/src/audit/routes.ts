import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { doc } from '../lib/openapi.ts'
import { invalidRange, REVERSED } from '../lib/range.ts'
import { validate } from '../lib/validate.ts'
import { listAudit } from './queries.ts'
import { AuditPage, AuditQuery } from './schemas.ts'

export const audit = new Hono<AppEnv>().get(
  '/',
  doc({
    summary: 'The audit log, newest first, a page at a time',
    tags: ['audit'],
    responses: { 200: AuditPage },
    errors: ['invalid_range'],
  }),
  access('admin'),
  validate('query', AuditQuery),
  async (c) => {
    const filter = c.req.valid('query')
    if (filter.from && filter.to && filter.from >= filter.to) {
      return c.json(invalidRange(REVERSED), 400)
    }
    const entries = await listAudit(c.var.db, filter)
    const last = entries[entries.length - 1]
    const nextBefore = entries.length === filter.limit && last ? last.id : null
    return c.json({ entries, nextBefore }, 200)
  },
)
