import { MAX_IMPORT_BYTES } from '@opsdeck/contract'
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { commitActuals, previewActuals } from './import-actuals.ts'
import type { ImportProblem } from './read-csv.ts'
import { ActualsCommitted, ActualsPreview, ImportRequest } from './schemas.ts'

const tags = ['projects']

// The body limit lets a JSON-escaped file through (lib/security.ts); the file itself is held here.
const tooLarge = (csv: string) =>
  Buffer.byteLength(csv, 'utf8') > MAX_IMPORT_BYTES
    ? errorBody('payload_too_large', `The CSV is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MiB`)
    : null

const invalidImport = (problems: ImportProblem[]) =>
  errorBody(
    'invalid_import',
    `The file has ${problems.length} error${problems.length === 1 ? '' : 's'}: nothing was written`,
    problems.map((p) => ({ path: 'json.csv', ...p })),
  )

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
