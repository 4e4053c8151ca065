import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { digits, Id } from '../lib/params.ts'
import { Instant, invalidRange, REVERSED } from '../lib/range.ts'
import { text } from '../lib/text.ts'
import { validate } from '../lib/validate.ts'
import { listAudit } from './queries.ts'

const AuditQuery = z.object({
  entity: text().max(50).optional(),
  entityId: text().max(100).optional(),
  actorUserId: Id.optional(),
  action: text().max(50).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  before: Id.optional(),
  limit: digits(z.number().min(1).max(200)).default(50),
})

export const audit = new Hono<AppEnv>().get(
  '/',
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
