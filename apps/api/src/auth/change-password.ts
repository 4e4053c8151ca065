import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, recordAudit, REDACTED } from '../lib/audit.ts'
import { setPasswordHash } from '../users/queries.ts'
import type { Browser } from './browser.ts'
import type { AuthConfig } from './config.ts'
import { forgetDevices } from './devices.ts'
import { checkCharged, settleRight, startAttempt } from './login.ts'
import { loginKeys } from './login-keys.ts'
import { hashPassword, verifyPassword } from './password.ts'
import { findPasswordHash } from './queries.ts'
import { deleteUserSessions } from './sessions.ts'
import { confirmFailure } from './throttle.ts'

type PasswordChangeOutcome =
  | { outcome: 'rate_limited'; retryAfter: number }
  | { outcome: 'wrong_password' }
  | { outcome: 'changed' }

/**
 * A signed-in person changes their own password, audited. Guessing the current password through a
 * stolen session is throttled like signing in. Whoever else holds a session of the account is
 * signed out (this one stays in), and its devices are forgotten: whoever knew the old password
 * may have kept one.
 */
export async function changePassword(
  db: Kysely<Database>,
  change: {
    user: { id: number; email: string }
    sessionId: string
    currentPassword: string
    newPassword: string
    browser: Pick<Browser, 'address' | 'devices'>
    who: AuditContext
    config: AuthConfig
  },
): Promise<PasswordChangeOutcome> {
  const { user, browser, who, config } = change
  const started = await startAttempt(db, {
    keys: loginKeys(user.email, browser.address),
    devices: browser.devices,
    limits: config.loginLimits,
    now: who.at,
  })
  if ('retryAfter' in started) return { outcome: 'rate_limited', retryAfter: started.retryAfter }
  const { pending } = started
  const ok = await checkCharged(db, pending, async () => {
    const stored = await findPasswordHash(db, user.id)
    return stored ? verifyPassword(stored, change.currentPassword) : false
  })
  if (!ok) {
    await confirmFailure(db, pending)
    return { outcome: 'wrong_password' }
  }
  const passwordHash = await checkCharged(db, pending, () =>
    hashPassword(change.newPassword, config.hash),
  )
  await settleRight(db, pending, async (trx) => {
    await setPasswordHash(trx, user.id, passwordHash, who.at)
    await deleteUserSessions(trx, user.id, change.sessionId)
    await forgetDevices(trx, user.id)
    await recordAudit(trx, who, {
      entity: 'user',
      entityId: user.id,
      action: 'password_change',
      changes: { password: { from: REDACTED, to: REDACTED } },
    })
  })
  return { outcome: 'changed' }
}
