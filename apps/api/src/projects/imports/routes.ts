import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { findProject, projectNotFound } from '../project-ref.ts'
import { csvDoc, csvFile, invalidImport, tooLarge } from '../../lib/csv/response.ts'
import { ImportRequest } from '../../lib/csv/schemas.ts'
import { exportActuals, exportBaselines } from './export-csv.ts'
import { commitActuals, previewActuals } from './import-actuals.ts'
import { commitBaselines, previewBaselines } from './import-baselines.ts'
import {
  ActualsCommitted,
  ActualsExportQuery,
  ActualsPreview,
  BaselineImportRequest,
  BaselinesCommitted,
  BaselinesExportQuery,
  BaselinesPreview,
} from './schemas.ts'

const tags = ['projects']

/** CSV import of actuals and baseline plans (preview, then commit), and the CSV exports. */
export const imports = new Hono<AppEnv>()
  .post(
    '/imports/actuals/preview',
    doc({
      summary: 'Check a CSV of actuals row by row; writes nothing (200 with the errors listed)',
      tags,
      responses: { 200: ActualsPreview },
      errors: ['payload_too_large'],
    }),
    access('write'),
    validate('json', ImportRequest),
    async (c) => {
      const { csv } = c.req.valid('json')
      const large = tooLarge(csv)
      if (large) return c.json(large, 413)
      return c.json(await previewActuals(c.var.db, csv), 200)
    },
  )
  .post(
    '/imports/actuals/commit',
    doc({
      summary: 'Import a CSV of actuals: every new row, or nothing when any row is bad',
      description:
        'Rows whose reference is already recorded for the project with the same values are skipped.',
      tags,
      responses: { 200: ActualsCommitted },
      errors: ['payload_too_large', 'invalid_import'],
    }),
    access('write'),
    validate('json', ImportRequest),
    async (c) => {
      const { csv } = c.req.valid('json')
      const large = tooLarge(csv)
      if (large) return c.json(large, 413)
      const who = auditContext(c.var)
      const outcome = await c.var.db.transaction().execute((trx) => commitActuals(trx, csv, who))
      if (!outcome.ok) return c.json(invalidImport(outcome.problems), 422)
      return c.json(outcome.committed, 200)
    },
  )
  .post(
    '/imports/baselines/preview',
    doc({
      summary: 'Check a CSV of planned spend per month row by row; writes nothing',
      tags,
      responses: { 200: BaselinesPreview },
      errors: ['payload_too_large'],
    }),
    access('write'),
    validate('json', BaselineImportRequest),
    async (c) => {
      const { csv } = c.req.valid('json')
      const large = tooLarge(csv)
      if (large) return c.json(large, 413)
      return c.json(await previewBaselines(c.var.db, csv), 200)
    },
  )
  .post(
    '/imports/baselines/commit',
    doc({
      summary: 'Re-baseline from a CSV: a new baseline version per project, the old ones kept',
      description:
        'A project whose rows equal its current baseline gets no new version. Nothing is written when any row is bad.',
      tags,
      responses: { 200: BaselinesCommitted },
      errors: ['payload_too_large', 'invalid_import'],
    }),
    access('write'),
    validate('json', BaselineImportRequest),
    async (c) => {
      const { csv, reason } = c.req.valid('json')
      const large = tooLarge(csv)
      if (large) return c.json(large, 413)
      const who = auditContext(c.var)
      const outcome = await c.var.db
        .transaction()
        .execute((trx) => commitBaselines(trx, { text: csv, reason, who }))
      if (!outcome.ok) return c.json(invalidImport(outcome.problems), 422)
      return c.json(outcome.committed, 200)
    },
  )
  .get(
    '/exports/actuals.csv',
    csvDoc('Cost entries as CSV, in the columns the import takes', ['project_not_found'], tags),
    access('read'),
    validate('query', ActualsExportQuery),
    async (c) => {
      const { project: code, from, to } = c.req.valid('query')
      const project = code ? await findProject(c.var.db, code) : undefined
      if (code && !project) return c.json(projectNotFound, 404)
      const csv = await exportActuals(c.var.db, { projectId: project?.id, from, to })
      return csvFile(c, csv, ['actuals', code, from, to])
    },
  )
  .get(
    '/exports/baselines.csv',
    csvDoc(
      'Current baseline plans as CSV, in the columns the import takes',
      ['project_not_found'],
      tags,
    ),
    access('read'),
    validate('query', BaselinesExportQuery),
    async (c) => {
      const { project: code } = c.req.valid('query')
      const project = code ? await findProject(c.var.db, code) : undefined
      if (code && !project) return c.json(projectNotFound, 404)
      const csv = await exportBaselines(c.var.db, { projectId: project?.id })
      return csvFile(c, csv, ['baselines', code])
    },
  )
