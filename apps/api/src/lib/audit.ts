import type { Database } from '@opsdeck/db'
import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import { type AppEnv, varsOf } from '../app-env.ts'

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

export interface AuditActor {
  userId: number | null
  tokenId: number | null
}

/**
 * Records a write, in the caller's transaction, as done by the request's actor (or `actor` when
 * the request has none yet, as at sign-in). Without either, the row is the system's.
 */
export async function recordAudit<E extends AppEnv>(
  db: Kysely<Database>,
  c: Context<E>,
  entry: AuditEntry,
  actor?: AuditActor,
) {
  await insertAudit(db, {
    ...entry,
    at: varsOf(c).now,
    requestId: varsOf(c).requestId,
    actor: actor ?? actorOf(c),
  })
}

function actorOf<E extends AppEnv>(c: Context<E>): AuditActor {
  const who = varsOf(c).actor
  if (who?.type === 'user') return { userId: who.user.id, tokenId: null }
  if (who?.type === 'token') return { userId: null, tokenId: who.token.id }
  return { userId: null, tokenId: null }
}

export async function insertAudit(
  db: Kysely<Database>,
  row: AuditEntry & { actor: AuditActor; at?: Date; requestId?: string | null },
) {
  await db
    .insertInto('auditLog')
    .values({
      at: row.at ?? new Date(),
      actorUserId: row.actor.userId,
      actorTokenId: row.actor.tokenId,
      entity: row.entity,
      entityId: String(row.entityId),
      action: row.action,
      changes: JSON.stringify(row.changes ?? {}),
      requestId: row.requestId ?? null,
    })
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
