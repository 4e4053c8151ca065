import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { type AuditActor, insertAudit } from '../lib/audit.ts'
import { clearAccountFailures } from './throttle.ts'

export interface UnlockAudit {
  actor: AuditActor
  at: Date
  requestId: string | null
  /** Where the unlock came from, kept in the audit row: the admin page or the command line. */
  via: 'admin' | 'cli'
}

/**
 * Forgets an account's failed sign-ins, from every address, so that nobody is held back from it
 * any longer; audited in the same transaction. The account and how many failures were forgotten,
 * or undefined when there is no such account.
 */
export async function unlockAccount(
  db: Kysely<Database>,
  who: { userId: number } | { email: string },
  audit: UnlockAudit,
) {
  return db.transaction().execute(async (trx) => {
    const query = trx.selectFrom('users').select(['id', 'email'])
    const user = await (
      'userId' in who
        ? query.where('id', '=', who.userId)
        : query.where(sql<string>`lower(email)`, '=', who.email.trim().toLowerCase())
    ).executeTakeFirst()
    if (!user) return undefined
    const cleared = await clearAccountFailures(trx, user.email)
    await insertAudit(trx, {
      entity: 'user',
      entityId: user.id,
      action: 'unlock',
      changes: { failedSignIns: { from: cleared, to: 0 }, via: audit.via },
      actor: audit.actor,
      at: audit.at,
      requestId: audit.requestId,
    })
    return { userId: user.id, email: user.email, cleared }
  })
}
