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
  confirmFailure,
  forgiveAttempt,
  type LoginKeys,
  loginKeys,
} from './throttle.ts'

const INVALID = errorBody('invalid_credentials', 'Email or password is incorrect')

/**
 * Charges a password attempt to the keys before the password is checked: either the pending
 * attempt (settle it with `confirmFailure` when the password is wrong, `forgiveAttempt` when it
 * is right) or a 429 with Retry-After when the keys are over their limit.
 */
export async function startAttempt<E extends AppEnv>(c: Context<E>, keys: LoginKeys) {
  const { db, now, auth } = varsOf(c)
  const charged = await chargeAttempt(db, keys, auth.loginLimits, now)
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
  const keys = loginKeys(email, address)
  const { pending, refused } = await startAttempt(c, keys)
  if (refused) return refused

  const user = await findUserByEmail(db, email)
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash(cfg.hash)), password)
  if (!user || !ok || user.disabledAt) {
    const reason = !user ? 'unknown_email' : !ok ? 'wrong_password' : 'disabled'
    // The typed email is not kept: people paste passwords into the wrong field.
    await confirmFailure(db, pending)
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
    // This address has proved itself on this account; the account's other counters stay.
    await forgiveAttempt(trx, pending)
    await clearFailures(trx, keys.accountAddress)
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
