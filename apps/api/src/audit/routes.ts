import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { validate } from '../lib/validate.ts'
import { listAudit } from './queries.ts'

const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s))
const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

const AuditQuery = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: Id.optional(),
  action: z.string().max(50).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  before: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const audit = new Hono<AppEnv>().get(
  '/',
  access('admin'),
  validate('query', AuditQuery),
  async (c) => {
    const filter = c.req.valid('query')
    const entries = await listAudit(c.var.db, filter)
    const last = entries[entries.length - 1]
    const nextBefore = entries.length === filter.limit && last ? last.id : null
    return c.json({ entries, nextBefore }, 200)
  },
)
