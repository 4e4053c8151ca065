import type { Database } from '@opsdeck/db'
import type { Context } from 'hono'
import type { Kysely, Transaction } from 'kysely'
import { type AppEnv, varsOf } from '../app-env.ts'
import { recordAudit } from '../lib/audit.ts'
import { errorBody } from '../lib/errors.ts'
import { clientAddress } from './client-address.ts'
import { readSessionCookie, setSessionCookie } from './cookie.ts'
import { findDevice, rememberDevice, setDeviceCookie } from './devices.ts'
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password.ts'
import { findUserByEmail } from './queries.ts'
import { sha256 } from './secret.ts'
import { createSession, deleteStaleSessions } from './sessions.ts'
import { clearFailures } from './clear-failures.ts'
import { deviceKey, type LoginKeys, loginKeys } from './login-keys.ts'
import {
  attemptSettled,
  chargeAttempt,
  confirmFailure,
  forgiveAttempt,
  type PendingAttempt,
} from './throttle.ts'

const INVALID = errorBody('invalid_credentials', 'Email or password is incorrect')

/**
 * Charges a password attempt to the keys before the password is checked: either the pending
 * attempt (settle it with `confirmFailure` when the password is wrong, `forgiveAttempt` when it
 * is right or was never checked) or a 429 with Retry-After when the keys are over their limit. A
 * browser presenting the account's device cookie is judged on that device alone (throttle.ts).
 */
export async function startAttempt<E extends AppEnv>(c: Context<E>, keys: LoginKeys) {
  const { db, now, auth } = varsOf(c)
  const device = await findDevice(c, db, keys.email, now)
  const charged = await chargeAttempt(
    db,
    device ? { ...keys, device: deviceKey(device.tokenHash) } : keys,
    auth.loginLimits,
    now,
  )
  if ('pending' in charged) return { pending: charged.pending, device, refused: undefined }
  const wait = charged.retryAfter
  c.header('Retry-After', String(wait))
  const refused = c.json(
    errorBody('rate_limited', `Too many sign-in attempts; try again in ${waitWords(wait)}`),
    429,
  )
  return { pending: undefined, device: undefined, refused }
}

/** Seconds as a person reads a wait: `1 second`, `45 seconds`, `1 minute`, `6 minutes`. */
export function waitWords(seconds: number): string {
  const [n, unit] = seconds < 60 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute']
  return `${n} ${unit}${n === 1 ? '' : 's'}`
}

/** The password check of a charged attempt: if it cannot run (overload), the attempt is forgiven. */
export async function checkCharged<T>(
  db: Kysely<Database>,
  pending: PendingAttempt,
  check: () => Promise<T>,
): Promise<T> {
  try {
    return await check()
  } catch (err) {
    await forgiveAttempt(db, pending).then(attemptSettled, () => undefined)
    throw err
  }
}

/**
 * The right password's transaction, which forgives the pending attempt. Should it fail (the
 * database went away), the attempt is forgiven anyway, as best it can be: else, a minute on, the
 * right password would count as a failure.
 */
export async function settleRight<T>(
  db: Kysely<Database>,
  pending: PendingAttempt,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      await forgiveAttempt(trx, pending)
      return work(trx)
    })
  } catch (err) {
    await forgiveAttempt(db, pending).catch(() => undefined)
    throw err
  } finally {
    attemptSettled()
  }
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
  const { pending, device, refused } = await startAttempt(c, keys)
  if (refused) return refused

  const { user, ok } = await checkCharged(db, pending, async () => {
    const found = await findUserByEmail(db, email)
    const hash = found?.passwordHash ?? (await dummyHash(cfg.hash))
    return { user: found, ok: await verifyPassword(hash, password) }
  })
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

  // Busy hashing: the stronger hash can wait for the next sign-in.
  const rehashed = needsRehash(user.passwordHash, cfg.hash)
    ? await hashPassword(password, cfg.hash).catch(() => undefined)
    : undefined
  const previous = readSessionCookie(c)
  const session = await settleRight(db, pending, async (trx) => {
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
    // This address and browser have proved themselves on this account; its other counters stay.
    await clearFailures(trx, keys.accountAddress)
    if (device) await clearFailures(trx, deviceKey(device.tokenHash))
    await recordAudit(
      trx,
      c,
      { entity: 'auth', entityId: user.id, action: 'login', changes: { address } },
      { userId: user.id, tokenId: null },
    )
    // Last, so that parallel sign-ins of one account wait on its row as briefly as they can.
    await trx
      .updateTable('users')
      .set({ lastLoginAt: now, ...(rehashed ? { passwordHash: rehashed } : {}) })
      .where('id', '=', user.id)
      .execute()
    const deviceToken = await rememberDevice(trx, { userId: user.id, now, device })
    return { ...created, deviceToken }
  })
  setSessionCookie(c, session.token)
  setDeviceCookie(c, session.deviceToken)
  const { id, name, role } = user
  return c.json({ user: { id, email: user.email, name, role } }, 200)
}
