import type { Database } from '@opsdeck/db'
import { type Kysely, sql } from 'kysely'
import { type AuditContext, recordAudit } from '../lib/audit.ts'
import { clearAccountFailures, clearAllFailures } from './clear-failures.ts'

export interface UnlockAudit extends AuditContext {
  /** Where the unlock came from, kept in the audit row: the admin page or the command line. */
  via: 'admin' | 'cli'
}

/**
 * Forgets an account's failed sign-ins, from every address and device, and the address-wide
 * failures of the addresses that failed on it, so that nobody is held back from it any longer;
 * audited in the same transaction. The account, how many failures were forgotten and how many
 * addresses cleared, or undefined when there is no such account.
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
    const { failures, addresses } = await clearAccountFailures(trx, {
      email: user.email,
      userId: user.id,
    })
    await recordAudit(trx, audit, {
      entity: 'user',
      entityId: user.id,
      action: 'unlock',
      changes: {
        failedSignIns: { from: failures, to: 0 },
        addressesCleared: addresses,
        via: audit.via,
      },
    })
    return { userId: user.id, email: user.email, cleared: failures, addresses }
  })
}

/**
 * Forgets every failed sign-in on record, for every account and address: the way out when
 * everyone behind one proxy or NAT is held back by one address's failures. Audited; answers how
 * many failed sign-ins were forgotten.
 */
export async function unlockEveryone(db: Kysely<Database>, audit: UnlockAudit) {
  return db.transaction().execute(async (trx) => {
    const cleared = await clearAllFailures(trx)
    await recordAudit(trx, audit, {
      entity: 'auth',
      entityId: '',
      action: 'unlock_all',
      changes: { failedSignIns: { from: cleared, to: 0 }, via: audit.via },
    })
    return cleared
  })
}
