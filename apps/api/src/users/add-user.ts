import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, recordAudit, REDACTED } from '../lib/audit.ts'
import { insertUser, type NewUserRow } from './queries.ts'

/**
 * A new account and its audit row, in the caller's transaction: an admin adding someone, or
 * opsdeck making its first admin. The user, or undefined when the email is taken.
 */
export async function addUser(trx: Kysely<Database>, user: NewUserRow, who: AuditContext) {
  const row = await insertUser(trx, user)
  if (!row) return undefined
  const { email, name, role } = row
  await recordAudit(trx, who, {
    entity: 'user',
    entityId: row.id,
    action: 'create',
    changes: { ...created({ email, name, role }), password: { from: null, to: REDACTED } },
  })
  return row
}
