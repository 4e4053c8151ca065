import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { auditContext, created, recordAudit } from '../lib/audit.ts'
import { errorBody } from '../lib/errors.ts'
import { doc } from '../lib/openapi.ts'
import { IdParam } from '../lib/params.ts'
import { validate } from '../lib/validate.ts'
import { insertToken, listTokens, revokeToken } from './queries.ts'
import { CreatedToken, NewToken, TokenList } from './schemas.ts'

const tags = ['tokens']

export const tokens = new Hono<AppEnv>()
  .get(
    '/',
    doc({ summary: 'Every API token, revoked ones too', tags, responses: { 200: TokenList } }),
    access('admin'),
    async (c) => c.json({ tokens: await listTokens(c.var.db) }, 200),
  )
  .post(
    '/',
    doc({ summary: 'Make an API token, shown this once', tags, responses: { 201: CreatedToken } }),
    access('admin'),
    validate('json', NewToken),
    async (c) => {
      const { name, scopes } = c.req.valid('json')
      const result = await c.var.db.transaction().execute(async (trx) => {
        const row = await insertToken(trx, {
          name,
          scopes,
          createdByUserId: c.var.actor.user.id,
          now: c.var.now,
        })
        await recordAudit(trx, auditContext(c.var), {
          entity: 'token',
          entityId: row.id,
          action: 'create',
          changes: created({ name, scopes }),
        })
        return row
      })
      return c.json(result, 201)
    },
  )
  .delete(
    '/:id',
    doc({
      summary: 'Revoke an API token (again: no change)',
      tags,
      responses: { 204: null },
      errors: ['token_not_found'],
    }),
    access('admin'),
    validate('param', IdParam),
    async (c) => {
      const { id } = c.req.valid('param')
      const now = c.var.now
      const outcome = await c.var.db.transaction().execute(async (trx) => {
        const revoked = await revokeToken(trx, id, now)
        if (revoked === 'revoked') {
          await recordAudit(trx, auditContext(c.var), {
            entity: 'token',
            entityId: id,
            action: 'revoke',
            changes: { revokedAt: { from: null, to: now.toISOString() } },
          })
        }
        return revoked
      })
      if (!outcome) return c.json(errorBody('token_not_found', 'No such token'), 404)
      return c.body(null, 204)
    },
  )
