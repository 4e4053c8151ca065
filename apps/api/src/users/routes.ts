import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { forgetDevices } from '../auth/devices.ts'
import { hashPassword } from '../auth/password.ts'
import { deleteUserSessions } from '../auth/sessions.ts'
import { unlockAccount } from '../auth/unlock-account.ts'
import { auditContext, recordAudit, REDACTED } from '../lib/audit.ts'
import { errorBody } from '../lib/errors.ts'
import { doc } from '../lib/openapi.ts'
import { IdParam } from '../lib/params.ts'
import { validate } from '../lib/validate.ts'
import { addUser } from './add-user.ts'
import { changeUser } from './change-user.ts'
import { findUser, listUsers, setPasswordHash } from './queries.ts'
import { NewUser, PasswordReset, Unlocked, UserBody, UserList, UserPatch } from './schemas.ts'

const tags = ['users']

const notFound = errorBody('user_not_found', 'No such user')

export const users = new Hono<AppEnv>()
  .get(
    '/',
    doc({ summary: 'Every user', tags, responses: { 200: UserList } }),
    access('admin'),
    async (c) => {
      const since = new Date(c.var.now.getTime() - c.var.auth.loginLimits.windowMs)
      return c.json({ users: await listUsers(c.var.db, since) }, 200)
    },
  )
  .post(
    '/',
    doc({ summary: 'Add a user', tags, responses: { 201: UserBody }, errors: ['email_taken'] }),
    access('admin'),
    validate('json', NewUser),
    async (c) => {
      const { password, ...fields } = c.req.valid('json')
      const passwordHash = await hashPassword(password, c.var.auth.hash)
      const user = await c.var.db
        .transaction()
        .execute((trx) =>
          addUser(trx, { ...fields, passwordHash, now: c.var.now }, auditContext(c.var)),
        )
      if (!user) return c.json(errorBody('email_taken', 'A user with this email exists'), 409)
      return c.json({ user }, 201)
    },
  )
  .patch(
    '/:id',
    doc({
      summary: 'Rename, change the role of, disable or enable a user',
      tags,
      responses: { 200: UserBody },
      errors: ['user_not_found', 'self', 'last_admin'],
    }),
    access('admin'),
    validate('param', IdParam),
    validate('json', UserPatch),
    async (c) => {
      const { id } = c.req.valid('param')
      const result = await changeUser(
        c.var.db,
        { id, patch: c.req.valid('json'), byUserId: c.var.actor.user.id },
        auditContext(c.var),
      )
      if (result.refused === 'self') {
        return c.json(errorBody('self', 'You cannot disable or demote your own account'), 409)
      }
      if (result.refused === 'not_found') return c.json(notFound, 404)
      if (result.refused === 'last_admin') {
        return c.json(errorBody('last_admin', 'This is the last enabled admin'), 409)
      }
      return c.json({ user: result.user }, 200)
    },
  )
  .post(
    '/:id/password',
    doc({
      summary: "Set a user's password, signing them out everywhere",
      tags,
      responses: { 204: null },
      errors: ['user_not_found'],
    }),
    access('admin'),
    validate('param', IdParam),
    validate('json', PasswordReset),
    async (c) => {
      const { id } = c.req.valid('param')
      const passwordHash = await hashPassword(c.req.valid('json').password, c.var.auth.hash)
      const found = await c.var.db.transaction().execute(async (trx) => {
        if (!(await findUser(trx, id))) return false
        await setPasswordHash(trx, id, passwordHash, c.var.now)
        await deleteUserSessions(trx, id)
        await forgetDevices(trx, id)
        await recordAudit(trx, auditContext(c.var), {
          entity: 'user',
          entityId: id,
          action: 'password_reset',
          changes: { password: { from: REDACTED, to: REDACTED } },
        })
        return true
      })
      if (!found) return c.json(notFound, 404)
      return c.body(null, 204)
    },
  )
  // Forgets the account's failed sign-ins from every address: the way out of a lock-out.
  .post(
    '/:id/unlock',
    doc({
      summary: "Forget a user's failed sign-ins",
      tags,
      responses: { 200: Unlocked },
      errors: ['user_not_found'],
    }),
    access('admin'),
    validate('param', IdParam),
    async (c) => {
      const { id } = c.req.valid('param')
      const who = { ...auditContext(c.var), via: 'admin' as const }
      const unlocked = await unlockAccount(c.var.db, { userId: id }, who)
      if (!unlocked) return c.json(notFound, 404)
      return c.json({ cleared: unlocked.cleared }, 200)
    },
  )
