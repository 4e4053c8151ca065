import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, recordAudit } from '../../lib/audit.ts'
import { activeGroupsWith, findServiceConfig, setServiceArchived } from './queries.ts'

/**
 * Archives a service (`archived: true`) or restores it, audited; again is no change and no audit
 * row. Its samples, rollups and history stay: archiving hides it, it never deletes. Refused
 * (`in_use`, naming them) while a business service that is not archived has it as a component.
 */
export async function archiveService(
  db: Kysely<Database>,
  change: { slug: string; archived: boolean },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    // The lock makes a business service adding it as a component wait, or us wait for it.
    const before = await findServiceConfig(trx, change.slug, { forUpdate: true })
    if (!before) return { refused: 'not_found' } as const
    const was = before.config.archivedAt
    if ((was !== null) === change.archived) return { service: before.config } as const
    if (change.archived) {
      const groups = await activeGroupsWith(trx, before.id)
      if (groups.length) return { refused: 'in_use', groups } as const
    }
    await setServiceArchived(trx, before.id, change.archived ? who.at : null, who.at)
    await recordAudit(trx, who, {
      entity: 'service',
      entityId: before.id,
      action: change.archived ? 'archive' : 'restore',
      changes: {
        archivedAt: { from: was, to: change.archived ? who.at.toISOString() : null },
      },
    })
    const after = await findServiceConfig(trx, change.slug)
    if (!after) throw new Error(`service ${change.slug} vanished while archived`)
    return { service: after.config } as const
  })
}
