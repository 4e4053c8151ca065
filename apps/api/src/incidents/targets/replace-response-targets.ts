import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, type Changes, recordAudit } from '../../lib/audit.ts'
import { listResponseTargets, type ResponseTarget, upsertResponseTargets } from './queries.ts'

/**
 * Replaces the four response targets, in one transaction with one audit row that names each
 * changed limit ('SEV2.ackMinutes': { from, to }). No change, no write and no audit row.
 */
export async function replaceResponseTargets(
  db: Kysely<Database>,
  targets: ResponseTarget[],
  who: AuditContext,
): Promise<ResponseTarget[]> {
  return db.transaction().execute(async (trx) => {
    const before = new Map(
      (await listResponseTargets(trx, { lock: true })).map((t) => [t.severity, t]),
    )
    const changes: Changes = {}
    const changed: ResponseTarget[] = []
    for (const target of targets) {
      const old = before.get(target.severity)
      for (const key of ['ackMinutes', 'resolveMinutes'] as const) {
        const from = old?.[key] ?? null
        if (from !== target[key]) changes[`${target.severity}.${key}`] = { from, to: target[key] }
      }
      if (old?.ackMinutes !== target.ackMinutes || old.resolveMinutes !== target.resolveMinutes) {
        changed.push(target)
      }
    }
    if (changed.length > 0) {
      await upsertResponseTargets(trx, changed, who.at)
      await recordAudit(trx, who, {
        entity: 'incident_response_targets',
        entityId: 'organisation',
        action: 'update',
        changes,
      })
    }
    return listResponseTargets(trx)
  })
}
