import type { Role } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { forgetDevices } from '../auth/devices.ts'
import { deleteUserSessions } from '../auth/sessions.ts'
import { type AuditContext, diff, recordAudit } from '../lib/audit.ts'
import { findUser, lockAndCountAdmins, updateUser } from './queries.ts'

interface UserChange {
  name?: string | undefined
  role?: Role | undefined
  disabled?: boolean | undefined
}

/**
 * An admin renames, re-roles, disables or enables an account, audited. Refused when an admin would
 * disable or demote themself (`self`), or the last enabled admin (`last_admin`): someone must be
 * left who can administer. A disabled account is signed out everywhere, its devices forgotten.
 */
export async function changeUser(
  db: Kysely<Database>,
  change: { id: number; patch: UserChange; byUserId: number },
  who: AuditContext,
) {
  const { id, patch } = change
  const demotes = patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin')
  if (demotes && change.byUserId === id) return { refused: 'self' } as const
  return db.transaction().execute(async (trx) => {
    const admins = demotes ? await lockAndCountAdmins(trx) : Infinity
    const before = await findUser(trx, id)
    if (!before) return { refused: 'not_found' } as const
    if (before.role === 'admin' && !before.disabledAt && demotes && admins <= 1) {
      return { refused: 'last_admin' } as const
    }
    const disabledAt =
      patch.disabled === undefined
        ? before.disabledAt
        : patch.disabled
          ? (before.disabledAt ?? who.at)
          : null
    const after = await updateUser(trx, id, { name: patch.name, role: patch.role, disabledAt })
    if (after.disabledAt) {
      await deleteUserSessions(trx, id)
      await forgetDevices(trx, id)
    }
    const changes = diff(
      { name: before.name, role: before.role, disabled: before.disabledAt !== null },
      { name: after.name, role: after.role, disabled: after.disabledAt !== null },
    )
    if (Object.keys(changes).length) {
      await recordAudit(trx, who, { entity: 'user', entityId: id, action: 'update', changes })
    }
    return { user: after } as const
  })
}
