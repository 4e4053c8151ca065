import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { csvDoc, csvFile } from '../../lib/csv/response.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { pdfDoc, pdfFile } from '../pdf/pdf-response.ts'
import { reportTableCsv } from '../report-csv.ts'
import { findSnapshot } from '../snapshots/queries.ts'
import { CsvQuery } from '../snapshots/schemas.ts'
import { openShareLink } from './links.ts'
import { SharedSnapshot, TokenParam } from './schemas.ts'

const tags = ['reports']

/**
 * What a share link opens, without an account: its one snapshot (and that snapshot's CSV), read
 * only. The link is not a credential anywhere else: no other route reads it.
 */
export const shared = new Hono<AppEnv>()
  .get(
    '/:token',
    doc({
      summary: 'The snapshot a share link opens (no account needed)',
      tags,
      responses: { 200: SharedSnapshot },
      errors: ['share_link_not_found', 'share_link_gone'],
    }),
    access('public'),
    validate('param', TokenParam),
    async (c) => {
      const opened = await open(c.var.db, c.req.valid('param').token, c.var.now)
      if (!opened.ok) return c.json(opened.body, opened.status)
      return c.json({ expiresAt: opened.expiresAt, snapshot: opened.snapshot }, 200)
    },
  )
  .get(
    '/:token/csv',
    csvDoc(
      'One table of a shared snapshot as CSV',
      ['share_link_not_found', 'share_link_gone', 'not_found'],
      tags,
    ),
    access('public'),
    validate('param', TokenParam),
    validate('query', CsvQuery),
    async (c) => {
      const opened = await open(c.var.db, c.req.valid('param').token, c.var.now)
      if (!opened.ok) return c.json(opened.body, opened.status)
      const { table } = c.req.valid('query')
      const { snapshot } = opened
      const csv = reportTableCsv(snapshot.report, table)
      if (csv === undefined) {
        return c.json(errorBody('not_found', `The report has no table ${table}`), 404)
      }
      return csvFile(c, csv, [
        'report',
        snapshot.firstDay,
        snapshot.lastDay,
        table.replace('.', '-'),
      ])
    },
  )
  .get(
    '/:token/pdf',
    pdfDoc('A shared snapshot as an A4 PDF', ['share_link_not_found', 'share_link_gone'], tags),
    access('public'),
    validate('param', TokenParam),
    async (c) => {
      const opened = await open(c.var.db, c.req.valid('param').token, c.var.now)
      if (!opened.ok) return c.json(opened.body, opened.status)
      const { snapshot } = opened
      return pdfFile(c, c.var.pdf, snapshot.id, `report-${snapshot.firstDay}-${snapshot.lastDay}`)
    },
  )

async function open(db: Parameters<typeof openShareLink>[0], token: string, now: Date) {
  const outcome = await openShareLink(db, token, now)
  if (outcome.status === 'ok') {
    const snapshot = await findSnapshot(db, outcome.snapshotId)
    if (snapshot) return { ok: true as const, snapshot, expiresAt: outcome.expiresAt }
  }
  if (outcome.status === 'expired' || outcome.status === 'revoked') {
    const why = outcome.status === 'expired' ? 'expired' : 'was revoked'
    const message = `This report link ${why} on ${outcome.at.toISOString().slice(0, 10)}: ask its owner for a new one`
    return { ok: false as const, status: 410 as const, body: errorBody('share_link_gone', message) }
  }
  const body = errorBody('share_link_not_found', 'No report is shared at this link')
  return { ok: false as const, status: 404 as const, body }
}
