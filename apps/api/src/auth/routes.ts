import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { auditContext, recordAudit } from '../lib/audit.ts'
import { errorBody } from '../lib/errors.ts'
import { doc } from '../lib/openapi.ts'
import { validate } from '../lib/validate.ts'
import { access } from './access.ts'
import { browserOf } from './browser.ts'
import { changePassword } from './change-password.ts'
import { clearSessionCookie, isHttps, setSessionCookie } from './cookie.ts'
import { setDeviceCookie } from './devices.ts'
import { rateLimited, signIn } from './login.ts'
import { LoginBody, Me, PasswordChange, SignedIn } from './schemas.ts'
import { deleteSession } from './sessions.ts'

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
      const { db, auth: config } = c.var
      const browser = browserOf(c, config.trustedProxy)
      const who = auditContext(c.var)
      const result = await signIn(db, { email, password, browser, who, config })
      if (result.outcome === 'rate_limited') return rateLimited(c, result.retryAfter)
      if (result.outcome === 'refused') {
        return c.json(errorBody('invalid_credentials', 'Email or password is incorrect'), 401)
      }
      setSessionCookie(c, result.sessionToken, {
        https: browser.https,
        maxAgeMs: config.sessionMaxMs,
      })
      setDeviceCookie(c, result.deviceToken, browser)
      return c.json({ user: result.user }, 200)
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
          const who = auditContext(c.var)
          await recordAudit(trx, who, { entity: 'auth', entityId: actor.user.id, action: 'logout' })
        })
      }
      clearSessionCookie(c, isHttps(c, c.var.auth.trustedProxy))
      return c.body(null, 204)
    },
  )
  .get(
    '/me',
    doc({ summary: 'Who is calling', tags, responses: { 200: Me } }),
    access('authenticated'),
    (c) => {
      const actor = c.get('actor')
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
      const { db, auth: config, actor } = c.var
      const result = await changePassword(db, {
        user: actor.user,
        sessionId: actor.sessionId,
        currentPassword,
        newPassword,
        browser: browserOf(c, config.trustedProxy),
        who: auditContext(c.var),
        config,
      })
      if (result.outcome === 'rate_limited') return rateLimited(c, result.retryAfter)
      if (result.outcome === 'wrong_password') {
        return c.json(errorBody('wrong_password', 'The current password is not right'), 422)
      }
      return c.body(null, 204)
    },
  )
