import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext, created, recordAudit } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { IdParam } from '../../lib/params.ts'
import { validate } from '../../lib/validate.ts'
import { findSnapshot } from '../snapshots/queries.ts'
import { createShareLink, listShareLinks, revokeShareLink } from './links.ts'
import { CreatedShareLink, NewShareLink, ShareLinkList } from './schemas.ts'

const tags = ['reports']
const noSnapshot = (id: number) => errorBody('snapshot_not_found', `No report snapshot ${id}`)

// Managing the links that open one snapshot without an account (public-routes.ts opens them).
export const shareLinks = new Hono<AppEnv>()
  .get(
    '/snapshots/:id/share-links',
    doc({
      summary: "A snapshot's share links, revoked and expired ones too",
      tags,
      responses: { 200: ShareLinkList },
      errors: ['snapshot_not_found'],
    }),
    access('write'),
    validate('param', IdParam),
    async (c) => {
      const { id } = c.req.valid('param')
      if (!(await findSnapshot(c.var.db, id))) return c.json(noSnapshot(id), 404)
      return c.json({ links: await listShareLinks(c.var.db, id) }, 200)
    },
  )
  .post(
    '/snapshots/:id/share-links',
    doc({
      summary: 'Make a read-only link to a snapshot, shown this once; it expires (default 30 days)',
      tags,
      responses: { 201: CreatedShareLink },
      errors: ['snapshot_not_found'],
    }),
    access('write'),
    validate('param', IdParam),
    validate('json', NewShareLink),
    async (c) => {
      const { id } = c.req.valid('param')
      const { days, label } = c.req.valid('json')
      const { db, now, actor } = c.var
      if (!(await findSnapshot(db, id))) return c.json(noSnapshot(id), 404)
      const link = await db.transaction().execute(async (trx) => {
        const row = await createShareLink(trx, {
          snapshotId: id,
          days,
          label,
          createdByUserId: actor?.type === 'user' ? actor.user.id : null,
          now,
        })
        await recordAudit(trx, auditContext(c.var), {
          entity: 'report_share_link',
          entityId: row.id,
          action: 'create',
          changes: created({ snapshotId: id, expiresAt: row.expiresAt, label: row.label }),
        })
        return row
      })
      return c.json(link, 201)
    },
  )
  .delete(
    '/share-links/:id',
    doc({
      summary: 'Revoke a share link at once (again: no change)',
      tags,
      responses: { 204: null },
      errors: ['share_link_not_found'],
    }),
    access('write'),
    validate('param', IdParam),
    async (c) => {
      const { id } = c.req.valid('param')
      const revoked = await c.var.db.transaction().execute(async (trx) => {
        const row = await revokeShareLink(trx, id, c.var.now)
        if (row) {
          await recordAudit(trx, auditContext(c.var), {
            entity: 'report_share_link',
            entityId: id,
            action: 'revoke',
          })
        }
        return row
      })
      if (!revoked) return c.json(errorBody('share_link_not_found', `No share link ${id}`), 404)
      return c.body(null, 204)
    },
  )
