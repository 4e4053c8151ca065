import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { Actor } from '../auth/actor.ts'

export const REDACTED = '[redacted]'

/** Changed fields as `{ field: { from, to } }`; a created row has `from: null`. */
export type Changes = Record<string, { from: unknown; to: unknown }>

export interface AuditEntry {
  entity: string
  entityId: string | number
  action: string
  /** Never a password or a token: pass REDACTED for a secret that changed. */
  changes?: Changes | Record<string, unknown>
}

/** Who wrote: a person, an API token, or neither (opsdeck itself). */
export interface AuditActor {
  userId: number | null
  tokenId: number | null
}

/** When a write was done, in which request, and by whom. */
export interface AuditContext {
  at: Date
  /** The request's id; null for start-up and the command line. */
  requestId: string | null
  actor: AuditActor
}

/** The writes opsdeck makes of itself (start-up, the command line): nobody's. */
export const SYSTEM: AuditActor = { userId: null, tokenId: null }

/** A request's audit context, from its variables: `auditContext(c.var)`. */
export function auditContext(vars: {
  now: Date
  requestId: string
  actor: Actor | null
}): AuditContext {
  const { actor } = vars
  return {
    at: vars.now,
    requestId: vars.requestId,
    actor:
      actor?.type === 'user'
        ? { userId: actor.user.id, tokenId: null }
        : actor?.type === 'token'
          ? { userId: null, tokenId: actor.token.id }
          : SYSTEM,
  }
}

/** Records a write, in the caller's transaction. */
export async function recordAudit(db: Kysely<Database>, who: AuditContext, entry: AuditEntry) {
  await recordAudits(db, who, [entry])
}

/**
 * Records several writes of one request in one INSERT (an import's rows), in the caller's
 * transaction. Eight parameters a row: keep a call under ~8,000 entries.
 */
export async function recordAudits(
  db: Kysely<Database>,
  who: AuditContext,
  entries: readonly AuditEntry[],
) {
  if (entries.length === 0) return
  await db
    .insertInto('auditLog')
    .values(
      entries.map((entry) => ({
        at: who.at,
        actorUserId: who.actor.userId,
        actorTokenId: who.actor.tokenId,
        entity: entry.entity,
        entityId: String(entry.entityId),
        action: entry.action,
        changes: JSON.stringify(entry.changes ?? {}),
        requestId: who.requestId,
      })),
    )
    .execute()
}

/** The fields whose value differs between `before` and `after`, for the fields in `after`. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {}
  for (const [field, to] of Object.entries(after)) {
    if (to === undefined) continue
    const from = before[field]
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to }
  }
  return changes
}

/** A new row's fields as changes from nothing. */
export function created(fields: Record<string, unknown>): Changes {
  return Object.fromEntries(Object.entries(fields).map(([k, to]) => [k, { from: null, to }]))
}
