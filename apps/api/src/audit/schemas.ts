import { z } from 'zod'
import { digits, Id } from '../lib/params.ts'
import { IsoInstant } from '../lib/openapi.ts'
import { Instant } from '../lib/range.ts'
import { text } from '../lib/text.ts'

export const AuditQuery = z.object({
  entity: text().max(50).optional(),
  entityId: text().max(100).optional(),
  actorUserId: Id.optional(),
  action: text().max(50).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  before: Id.optional(),
  limit: digits(z.number().min(1).max(200)).default(50),
})

/** Who wrote an entry: a person, an API token, or opsdeck itself. */
export const AuditActor = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('user'), id: z.number().int(), email: z.string().nullable() }),
  z.strictObject({ type: z.literal('token'), id: z.number().int(), name: z.string().nullable() }),
  z.strictObject({ type: z.literal('system') }),
])

export const AuditEntry = z.strictObject({
  id: z.number().int(),
  at: IsoInstant,
  actor: AuditActor,
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  /** Changed fields as `{ field: { from, to } }`; secrets appear as "[redacted]". */
  changes: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
})

export const AuditPage = z.strictObject({
  entries: z.array(AuditEntry),
  /** Pass as `before` for the next page; null on the last. */
  nextBefore: z.number().int().nullable(),
})
