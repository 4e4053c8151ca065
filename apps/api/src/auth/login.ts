import type { Role } from '@opsdeck/contract'
import type { Database } from '@opsdeck/db'
import type { Context } from 'hono'
import type { Kysely, Transaction } from 'kysely'
import { type AuditContext, recordAudit } from '../lib/audit.ts'
import { errorBody } from '../lib/errors.ts'
import { recordSignIn } from '../users/queries.ts'
import type { Browser } from './browser.ts'
import type { AuthConfig, LoginLimits } from './config.ts'
import { type Device, findDevice, rememberDevice } from './devices.ts'
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

type Started = { pending: PendingAttempt; device: Device | undefined } | { retryAfter: number }

/**
 * Charges a password attempt to the keys before the password is checked: either the pending
 * attempt (settle it with `confirmFailure` when the password is wrong, `forgiveAttempt` when it
 * is right or was never checked) or the seconds to wait when the keys are over their limit. A
 * browser presenting the account's device cookie is judged on that device alone (throttle.ts).
 */
export async function startAttempt(
  db: Kysely<Database>,
  attempt: { keys: LoginKeys; devices: string[]; limits: LoginLimits; now: Date },
): Promise<Started> {
  const { keys, limits, now } = attempt
  const device = await findDevice(db, attempt.devices, keys.email, now)
  const charged = await chargeAttempt(
    db,
    device ? { ...keys, device: deviceKey(device.tokenHash) } : keys,
    limits,
    now,
  )
  if ('pending' in charged) return { pending: charged.pending, device }
  return { retryAfter: charged.retryAfter }
}

/** The 429 of an attempt over its limit, with Retry-After. */
export function rateLimited(c: Context, seconds: number) {
  c.header('Retry-After', String(seconds))
  const message = `Too many sign-in attempts; try again in ${waitWords(seconds)}`
  return c.json(errorBody('rate_limited', message), 429)
}

/** Seconds as a person reads a wait: `1 second`, `45 seconds`, `1 minute`, `6 minutes`. */
function waitWords(seconds: number): string {
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

type SignIn =
  | { outcome: 'rate_limited'; retryAfter: number }
  | { outcome: 'refused' }
  | {
      outcome: 'signed_in'
      user: { id: number; email: string; name: string; role: Role }
      sessionToken: string
      deviceToken: string
    }

/**
 * Sign-in. Unknown email, wrong password and disabled account are one `refused` after the same
 * work (a password check against a dummy hash when there is no account), so neither the answer
 * nor its timing tells whether an account exists. Signed in, the browser gets a new session (its
 * old one ends) and a device token for the cookies.
 */
export async function signIn(
  db: Kysely<Database>,
  request: {
    email: string
    password: string
    browser: Omit<Browser, 'https'>
    who: AuditContext
    config: AuthConfig
  },
): Promise<SignIn> {
  const { email, password, browser, who, config: cfg } = request
  const now = who.at
  const keys = loginKeys(email, browser.address)
  const started = await startAttempt(db, {
    keys,
    devices: browser.devices,
    limits: cfg.loginLimits,
    now,
  })
  if ('retryAfter' in started) return { outcome: 'rate_limited', retryAfter: started.retryAfter }
  const { pending, device } = started

  const { user, ok } = await checkCharged(db, pending, async () => {
    const found = await findUserByEmail(db, email)
    const hash = found?.passwordHash ?? (await dummyHash(cfg.hash))
    return { user: found, ok: await verifyPassword(hash, password) }
  })
  if (!user || !ok || user.disabledAt) {
    const reason = !user ? 'unknown_email' : !ok ? 'wrong_password' : 'disabled'
    // The typed email is not kept: people paste passwords into the wrong field.
    await confirmFailure(db, pending)
    await recordAudit(db, who, {
      entity: 'auth',
      entityId: user?.id ?? '',
      action: 'login_failed',
      changes: { address: browser.address, reason },
    })
    return { outcome: 'refused' }
  }

  // Busy hashing: the stronger hash can wait for the next sign-in.
  const rehashed = needsRehash(user.passwordHash, cfg.hash)
    ? await hashPassword(password, cfg.hash).catch(() => undefined)
    : undefined
  const previous = browser.sessionToken
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
      ip: browser.address,
      userAgent: browser.userAgent,
    })
    // This address and browser have proved themselves on this account; its other counters stay.
    await clearFailures(trx, keys.accountAddress)
    if (device) await clearFailures(trx, deviceKey(device.tokenHash))
    const signedIn = { ...who, actor: { userId: user.id, tokenId: null } }
    await recordAudit(trx, signedIn, {
      entity: 'auth',
      entityId: user.id,
      action: 'login',
      changes: { address: browser.address },
    })
    // Last, so that parallel sign-ins of one account wait on its row as briefly as they can.
    await recordSignIn(trx, user.id, { now, rehashed })
    const deviceToken = await rememberDevice(trx, { userId: user.id, now, device })
    return { token: created.token, deviceToken }
  })
  const { id, name, role } = user
  return {
    outcome: 'signed_in',
    user: { id, email: user.email, name, role },
    sessionToken: session.token,
    deviceToken: session.deviceToken,
  }
}
