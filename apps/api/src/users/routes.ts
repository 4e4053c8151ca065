import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { forgetDevices } from '../auth/devices.ts'
import { hashPassword } from '../auth/password.ts'
import { setPasswordHash } from '../auth/queries.ts'
import { deleteUserSessions } from '../auth/sessions.ts'
import { unlockAccount } from '../auth/unlock-account.ts'
import { created, diff, recordAudit, REDACTED } from '../lib/audit.ts'
import { errorBody } from '../lib/errors.ts'
import { doc } from '../lib/openapi.ts'
import { IdParam } from '../lib/params.ts'
import { validate } from '../lib/validate.ts'
import { findUser, insertUser, listUsers, lockAndCountAdmins, updateUser } from './queries.ts'
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
      const user = await c.var.db.transaction().execute(async (trx) => {
        const row = await insertUser(trx, { ...fields, passwordHash, now: c.var.now })
        if (row) {
          await recordAudit(trx, c, {
            entity: 'user',
            entityId: row.id,
            action: 'create',
            changes: { ...created(fields), password: { from: null, to: REDACTED } },
          })
        }
        return row
      })
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
      const patch = c.req.valid('json')
      const self = c.var.actor.user.id === id
      const demotes =
        patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin')
      if (self && demotes) {
        return c.json(errorBody('self', 'You cannot disable or demote your own account'), 409)
      }
      const result = await c.var.db.transaction().execute(async (trx) => {
        const admins = demotes ? await lockAndCountAdmins(trx) : Infinity
        const before = await findUser(trx, id)
        if (!before) return 'not_found' as const
        if (before.role === 'admin' && !before.disabledAt && demotes && admins <= 1) {
          return 'last_admin' as const
        }
        const disabledAt =
          patch.disabled === undefined
            ? before.disabledAt
            : patch.disabled
              ? (before.disabledAt ?? c.var.now)
              : null
        const after = await updateUser(trx, id, { name: patch.name, role: patch.role, disabledAt })
        // A disabled account is signed out of every browser at once, and its devices forgotten.
        if (after.disabledAt) {
          await deleteUserSessions(trx, id)
          await forgetDevices(trx, id)
        }
        const changes = diff(
          { name: before.name, role: before.role, disabled: before.disabledAt !== null },
          { name: after.name, role: after.role, disabled: after.disabledAt !== null },
        )
        if (Object.keys(changes).length) {
          await recordAudit(trx, c, { entity: 'user', entityId: id, action: 'update', changes })
        }
        return after
      })
      if (result === 'not_found') return c.json(notFound, 404)
      if (result === 'last_admin') {
        return c.json(errorBody('last_admin', 'This is the last enabled admin'), 409)
      }
      return c.json({ user: result }, 200)
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
        await recordAudit(trx, c, {
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
      const { actor, now, requestId } = c.var
      const unlocked = await unlockAccount(
        c.var.db,
        { userId: id },
        { actor: { userId: actor.user.id, tokenId: null }, at: now, requestId, via: 'admin' },
      )
      if (!unlocked) return c.json(notFound, 404)
      return c.json({ cleared: unlocked.cleared }, 200)
    },
  )
