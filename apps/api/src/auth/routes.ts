import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { recordAudit, REDACTED } from '../lib/audit.ts'
import { errorBody } from '../lib/errors.ts'
import { doc } from '../lib/openapi.ts'
import { validate } from '../lib/validate.ts'
import { access } from './access.ts'
import { clientAddress } from './client-address.ts'
import { clearSessionCookie } from './cookie.ts'
import { forgetDevices } from './devices.ts'
import { checkCharged, login, settleRight, startAttempt } from './login.ts'
import { hashPassword, verifyPassword } from './password.ts'
import { findPasswordHash, setPasswordHash } from './queries.ts'
import { LoginBody, Me, PasswordChange, SignedIn } from './schemas.ts'
import { deleteSession, deleteUserSessions } from './sessions.ts'
import { loginKeys } from './login-keys.ts'
import { confirmFailure } from './throttle.ts'

const tags = ['auth']
// Sign-in and password checks share the throttle and the limit on password hashing.
const PASSWORD_ERRORS = ['rate_limited', 'overloaded'] as const

export const auth = new Hono<AppEnv>()
  .post(
    '/login',
    doc({
      summary: 'Sign in: sets the session cookie',
      tags,
      responses: { 200: SignedIn },
      errors: ['invalid_credentials', ...PASSWORD_ERRORS],
    }),
    access('public'),
    validate('json', LoginBody),
    async (c) => {
      const { email, password } = c.req.valid('json')
      return login(c, email, password)
    },
  )
  // Open to all so that a stale or absent session still gets its cookie cleared.
  .post(
    '/logout',
    doc({ summary: 'Sign out: clears the session cookie', tags, responses: { 204: null } }),
    access('public'),
    async (c) => {
      const actor = c.var.actor
      if (actor?.type === 'user') {
        await c.var.db.transaction().execute(async (trx) => {
          await deleteSession(trx, actor.sessionId)
          await recordAudit(trx, c, { entity: 'auth', entityId: actor.user.id, action: 'logout' })
        })
      }
      clearSessionCookie(c)
      return c.body(null, 204)
    },
  )
  .get(
    '/me',
    doc({ summary: 'Who is calling', tags, responses: { 200: Me } }),
    access('authenticated'),
    (c) => {
      const actor = c.var.actor
      return actor.type === 'user'
        ? c.json({ user: actor.user, via: 'session' as const }, 200)
        : c.json({ token: actor.token, via: 'token' as const }, 200)
    },
  )
  .post(
    '/password',
    doc({
      summary: 'Change your own password: signs out your other sessions',
      tags,
      responses: { 204: null },
      errors: ['wrong_password', ...PASSWORD_ERRORS],
    }),
    access('session'),
    validate('json', PasswordChange),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json')
      const { db, now, auth: cfg, actor } = c.var
      const userId = actor.user.id
      // Guessing the current password through a stolen session is throttled like signing in.
      const keys = loginKeys(actor.user.email, clientAddress(c))
      const { pending, refused } = await startAttempt(c, keys)
      if (refused) return refused
      const ok = await checkCharged(db, pending, async () => {
        const stored = await findPasswordHash(db, userId)
        return stored ? verifyPassword(stored, currentPassword) : false
      })
      if (!ok) {
        await confirmFailure(db, pending)
        return c.json(errorBody('wrong_password', 'The current password is not right'), 422)
      }
      const passwordHash = await checkCharged(db, pending, () =>
        hashPassword(newPassword, cfg.hash),
      )
      await settleRight(db, pending, async (trx) => {
        await setPasswordHash(trx, userId, passwordHash, now)
        // Whoever else holds a session of this account is signed out; this browser stays in. Its
        // devices go too: whoever knew the old password may have kept one.
        await deleteUserSessions(trx, userId, actor.sessionId)
        await forgetDevices(trx, userId)
        await recordAudit(trx, c, {
          entity: 'user',
          entityId: userId,
          action: 'password_change',
          changes: { password: { from: REDACTED, to: REDACTED } },
        })
      })
      return c.body(null, 204)
    },
  )
