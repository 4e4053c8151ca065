import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'

interface AuditFilter {
  entity?: string | undefined
  entityId?: string | undefined
  actorUserId?: number | undefined
  action?: string | undefined
  from?: Date | undefined
  to?: Date | undefined
  before?: number | undefined
  limit: number
}

/** Newest first, by id (ids only grow); `before` continues a page from the previous one's end. */
export async function listAudit(db: Kysely<Database>, f: AuditFilter) {
  let q = db
    .selectFrom('auditLog as a')
    .leftJoin('users as u', 'u.id', 'a.actorUserId')
    .leftJoin('apiTokens as t', 't.id', 'a.actorTokenId')
    .select([
      'a.id',
      'a.at',
      'a.actorUserId',
      'u.email as actorEmail',
      'a.actorTokenId',
      't.name as actorTokenName',
      'a.entity',
      'a.entityId',
      'a.action',
      'a.changes',
      'a.requestId',
    ])
    .orderBy('a.id', 'desc')
    .limit(f.limit)
  if (f.entity) q = q.where('a.entity', '=', f.entity)
  if (f.entityId) q = q.where('a.entityId', '=', f.entityId)
  if (f.actorUserId) q = q.where('a.actorUserId', '=', f.actorUserId)
  if (f.action) q = q.where('a.action', '=', f.action)
  if (f.from) q = q.where('a.at', '>=', f.from)
  if (f.to) q = q.where('a.at', '<', f.to)
  if (f.before) q = q.where('a.id', '<', f.before)
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: actorOf(r),
    entity: r.entity,
    entityId: r.entityId,
    action: r.action,
    changes: r.changes as Record<string, unknown>,
    requestId: r.requestId,
  }))
}

type Actor =
  | { type: 'user'; id: number; email: string | null }
  | { type: 'token'; id: number; name: string | null }
  | { type: 'system' }

function actorOf(r: {
  actorUserId: number | null
  actorEmail: string | null
  actorTokenId: number | null
  actorTokenName: string | null
}): Actor {
  if (r.actorUserId !== null) return { type: 'user', id: r.actorUserId, email: r.actorEmail }
  if (r.actorTokenId !== null) return { type: 'token', id: r.actorTokenId, name: r.actorTokenName }
  return { type: 'system' }
}
