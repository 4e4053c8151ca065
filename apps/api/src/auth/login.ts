import type { Context } from 'hono'
import { type AppEnv, varsOf } from '../app-env.ts'
import { recordAudit } from '../lib/audit.ts'
import { errorBody } from '../lib/errors.ts'
import { clientAddress } from './client-address.ts'
import { readSessionCookie, setSessionCookie } from './cookie.ts'
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password.ts'
import { findUserByEmail } from './queries.ts'
import { sha256 } from './secret.ts'
import { createSession, deleteStaleSessions } from './sessions.ts'
import {
  chargeAttempt,
  clearFailures,
  forgiveAttempt,
  loginThrottleKeys,
  type ThrottleKey,
} from './throttle.ts'

const INVALID = errorBody('invalid_credentials', 'Email or password is incorrect')

/**
 * Charges a password attempt to the keys before the password is checked: either the pending
 * attempt (take it back with `forgiveAttempt` when the password is right) or a 429 with
 * Retry-After when the keys are over their limit.
 */
export async function startAttempt<E extends AppEnv>(c: Context<E>, keys: ThrottleKey[]) {
  const { db, now, auth } = varsOf(c)
  const charged = await chargeAttempt(db, keys, now, auth.loginLimits.windowMs)
  if ('pending' in charged) return { pending: charged.pending, refused: undefined }
  const wait = charged.retryAfter
  const minutes = Math.ceil(wait / 60)
  c.header('Retry-After', String(wait))
  const refused = c.json(
    errorBody(
      'rate_limited',
      `Too many sign-in attempts; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    ),
    429,
  )
  return { pending: undefined, refused }
}

/**
 * Sign-in. Unknown email, wrong password and disabled account get the same 401 after the same
 * work (a password check against a dummy hash when there is no account), so neither the answer
 * nor its timing tells whether an account exists.
 */
export async function login(c: Context<AppEnv>, email: string, password: string) {
  const { db, now, auth: cfg } = c.var
  const address = clientAddress(c)
  const keys = loginThrottleKeys(email, address, cfg.loginLimits)
  const { pending, refused } = await startAttempt(c, keys)
  if (refused) return refused

  const user = await findUserByEmail(db, email)
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash(cfg.hash)), password)
  if (!user || !ok || user.disabledAt) {
    const reason = !user ? 'unknown_email' : !ok ? 'wrong_password' : 'disabled'
    // The failure was charged before the check: only the audit row is left to write. The typed
    // email is not kept: people paste passwords into the wrong field.
    await recordAudit(db, c, {
      entity: 'auth',
      entityId: user?.id ?? '',
      action: 'login_failed',
      changes: { address, reason },
    })
    return c.json(INVALID, 401)
  }

  const rehashed = needsRehash(user.passwordHash, cfg.hash)
    ? await hashPassword(password, cfg.hash)
    : undefined
  const previous = readSessionCookie(c)
  const session = await db.transaction().execute(async (trx) => {
    // A browser that still held a session gets a new token: the old one stops working.
    if (previous)
      await trx.deleteFrom('sessions').where('tokenHash', '=', sha256(previous)).execute()
    const times = { now, idleMs: cfg.sessionIdleMs, maxMs: cfg.sessionMaxMs }
    await deleteStaleSessions(trx, user.id, times)
    const created = await createSession(trx, {
      userId: user.id,
      now,
      maxMs: cfg.sessionMaxMs,
      ip: address,
      userAgent: c.req.header('user-agent') ?? null,
    })
    await trx
      .updateTable('users')
      .set({ lastLoginAt: now, ...(rehashed ? { passwordHash: rehashed } : {}) })
      .where('id', '=', user.id)
      .execute()
    await forgiveAttempt(trx, pending)
    await clearFailures(trx, keys[0].key)
    await recordAudit(
      trx,
      c,
      { entity: 'auth', entityId: user.id, action: 'login', changes: { address } },
      { userId: user.id, tokenId: null },
    )
    return created
  })
  setSessionCookie(c, session.token)
  const { id, name, role } = user
  return c.json({ user: { id, email: user.email, name, role } }, 200)
}
