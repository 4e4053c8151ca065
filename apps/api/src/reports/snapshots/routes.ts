import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { csvDoc, csvFile } from '../../lib/csv/response.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { IdParam } from '../../lib/params.ts'
import { validate } from '../../lib/validate.ts'
import { pdfDoc, pdfFile } from '../pdf/pdf-response.ts'
import { reportTableCsv } from '../report-csv.ts'
import { resolvePeriod } from '../request.ts'
import { freezeReport } from './freeze.ts'
import { findSnapshot, listSnapshots } from './queries.ts'
import { CsvQuery, NewSnapshot, Snapshot, SnapshotList } from './schemas.ts'

const tags = ['reports']
const ARCHIVE_SHOWN = 200
const notFound = (id: number) => errorBody('snapshot_not_found', `No report snapshot ${id}`)

export const snapshots = new Hono<AppEnv>()
  .get(
    '/',
    doc({ summary: 'Frozen reports, newest period first', tags, responses: { 200: SnapshotList } }),
    access('read'),
    async (c) => c.json({ snapshots: await listSnapshots(c.var.db, ARCHIVE_SHOWN) }, 200),
  )
  .post(
    '/',
    doc({
      summary: 'Freeze the report for a period, with the summary as edited; it never changes after',
      tags,
      responses: { 201: Snapshot },
      errors: ['period_not_started'],
    }),
    access('write'),
    validate('json', NewSnapshot),
    async (c) => {
      const body = c.req.valid('json')
      const { db, now, actor } = c.var
      const org = await getOrganisation(db)
      const resolved = resolvePeriod(body, org.timezone, now)
      if (!resolved.ok) {
        const details = [
          { path: body.period === 'custom' ? 'json.from' : 'json.day', message: resolved.message },
        ]
        return c.json(errorBody('period_not_started', resolved.message, details), 422)
      }
      const user = actor?.type === 'user' ? actor.user : null
      const frozen = await freezeReport(db, {
        period: resolved.period,
        now,
        by: { userId: user?.id ?? null, name: user?.name ?? 'API token' },
        audit: auditContext(c.var),
        title: body.title,
        summary: body.summary,
      })
      const snapshot = await findSnapshot(db, frozen.id)
      return c.json(snapshot, 201)
    },
  )
  .get(
    '/:id',
    doc({
      summary: 'A frozen report, exactly as it was frozen',
      tags,
      responses: { 200: Snapshot },
      errors: ['snapshot_not_found'],
    }),
    access('read'),
    validate('param', IdParam),
    async (c) => {
      const { id } = c.req.valid('param')
      const snapshot = await findSnapshot(c.var.db, id)
      if (!snapshot) return c.json(notFound(id), 404)
      return c.json(snapshot, 200)
    },
  )
  .get(
    '/:id/csv',
    csvDoc(
      'One table of a frozen report as CSV (`table=figures` or `<area>.<table>`)',
      ['snapshot_not_found', 'not_found'],
      tags,
    ),
    access('read'),
    validate('param', IdParam),
    validate('query', CsvQuery),
    async (c) => {
      const { id } = c.req.valid('param')
      const { table } = c.req.valid('query')
      const snapshot = await findSnapshot(c.var.db, id)
      if (!snapshot) return c.json(notFound(id), 404)
      const csv = reportTableCsv(snapshot.report, table)
      if (csv === undefined)
        return c.json(errorBody('not_found', `The report has no table ${table}`), 404)
      return csvFile(c, csv, [
        'report',
        snapshot.firstDay,
        snapshot.lastDay,
        table.replace('.', '-'),
      ])
    },
  )
  .get(
    '/:id/pdf',
    pdfDoc(
      'A frozen report as an A4 PDF (503 without Chromium: print from the browser)',
      ['snapshot_not_found'],
      tags,
    ),
    access('read'),
    validate('param', IdParam),
    async (c) => {
      const { id } = c.req.valid('param')
      const snapshot = await findSnapshot(c.var.db, id)
      if (!snapshot) return c.json(notFound(id), 404)
      return pdfFile(c, c.var.pdf, id, `report-${snapshot.firstDay}-${snapshot.lastDay}`)
    },
  )
