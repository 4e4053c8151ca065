import type { Database } from '@opsdeck/db'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { type AuditContext, auditContext } from '../../lib/audit.ts'
import { csvDoc, csvFile, invalidImport, tooLarge } from '../../lib/csv/response.ts'
import type { CommitOutcome } from '../../lib/csv/rows.ts'
import { ImportRequest } from '../../lib/csv/schemas.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { exportAllocations, exportPeople } from './export-csv.ts'
import { commitAllocations, previewAllocations } from './import-allocations.ts'
import { commitPeople, previewPeople } from './import-people.ts'
import {
  AllocationsCommitted,
  AllocationsPreview,
  PeopleCommitted,
  PeoplePreview,
} from './schemas.ts'

const tags = ['capacity']

const PEOPLE =
  'Columns: name, email (the key: a stored person with the same email and values is a duplicate, other values an error naming them; the import adds people and changes none), team (slug or name), role, contracted_hours (0–80), working_days (Mon-Fri, Mon–Wed, Mon,Tue,Thu; empty Mon-Fri), skills (;-separated), region (GB-ENG/GB-SCT/GB-NIR or their names; empty the organisation’s), start_date, end_date (2026-03-31 or 31/03/2026), cost_rate (pounds an hour; empty 0).'
const ALLOCATIONS =
  'Columns: person (email), kind (project, run or support), project (code, kind project only), first_day, last_day (2026-03-31 or 31/03/2026), hours_per_week or percent (one of them), status (confirmed or tentative; empty confirmed), note. Every rule of POST /allocations applies. A row the person already has stored (same kind, project, days, amount and status) is a duplicate and skipped.'

interface ImportKind<Preview, Committed> {
  /** What the file holds, as the summaries name it: 'people'. */
  noun: string
  /** What a commit writes, as its summary says it: 'every new person'. */
  writes: string
  description: string
  responses: { preview: z.ZodType; committed: z.ZodType }
  preview: (db: Kysely<Database>, csv: string) => Promise<Preview>
  commit: (
    trx: Kysely<Database>,
    csv: string,
    who: AuditContext,
  ) => Promise<CommitOutcome<Committed>>
}

/** POST …/preview and …/commit for one kind of file: checked row by row, then written in full. */
const importRoutes = <Preview, Committed>(kind: ImportKind<Preview, Committed>) =>
  new Hono<AppEnv>()
    .post(
      '/preview',
      doc({
        summary: `Check a CSV of ${kind.noun} row by row; writes nothing (200 with the errors listed)`,
        description: kind.description,
        tags,
        responses: { 200: kind.responses.preview },
        errors: ['payload_too_large'],
      }),
      access('write'),
      validate('json', ImportRequest),
      async (c) => {
        const { csv } = c.req.valid('json')
        const large = tooLarge(csv)
        if (large) return c.json(large, 413)
        return c.json(await kind.preview(c.var.db, csv), 200)
      },
    )
    .post(
      '/commit',
      doc({
        summary: `Import a CSV of ${kind.noun}: ${kind.writes}, or nothing when any row is bad`,
        description: kind.description,
        tags,
        responses: { 200: kind.responses.committed },
        errors: ['payload_too_large', 'invalid_import'],
      }),
      access('write'),
      validate('json', ImportRequest),
      async (c) => {
        const { csv } = c.req.valid('json')
        const large = tooLarge(csv)
        if (large) return c.json(large, 413)
        const who = auditContext(c.var)
        const outcome = await c.var.db.transaction().execute((trx) => kind.commit(trx, csv, who))
        if (!outcome.ok) return c.json(invalidImport(outcome.problems), 422)
        return c.json(outcome.committed, 200)
      },
    )

/** CSV import of people and allocations (preview, then commit), and the CSV exports. */
export const capacityImports = new Hono<AppEnv>()
  .route(
    '/imports/people',
    importRoutes({
      noun: 'people',
      writes: 'every new person',
      description: PEOPLE,
      responses: { preview: PeoplePreview, committed: PeopleCommitted },
      preview: previewPeople,
      commit: commitPeople,
    }),
  )
  .route(
    '/imports/allocations',
    importRoutes({
      noun: 'allocations',
      writes: 'every new one',
      description: ALLOCATIONS,
      responses: { preview: AllocationsPreview, committed: AllocationsCommitted },
      preview: previewAllocations,
      commit: commitAllocations,
    }),
  )
  .get(
    '/exports/people.csv',
    csvDoc('Everyone as CSV, in the columns the people import takes', [], tags),
    access('read'),
    async (c) => csvFile(c, await exportPeople(c.var.db), ['people']),
  )
  .get(
    '/exports/allocations.csv',
    csvDoc('Every allocation as CSV, in the columns the allocation import takes', [], tags),
    access('read'),
    async (c) => csvFile(c, await exportAllocations(c.var.db), ['allocations']),
  )
