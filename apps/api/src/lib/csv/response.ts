import { type ErrorCode, MAX_IMPORT_BYTES } from '@opsdeck/contract'
import type { Context } from 'hono'
import { describeRoute, resolver } from 'hono-openapi'
import { errorBody } from '../errors.ts'
import { ErrorEnvelope, errorResponses } from '../openapi.ts'
import type { ImportProblem } from './read-csv.ts'

/** A CSV export for the OpenAPI document: doc() describes JSON bodies only. */
export const csvDoc = (summary: string, errors: ErrorCode[], tags: string[]) =>
  describeRoute({
    summary,
    tags,
    responses: {
      200: {
        description: 'The CSV, as an attachment (UTF-8 with a BOM, CRLF)',
        content: { 'text/csv': { schema: { type: 'string' } } },
      },
      ...errorResponses(errors),
      default: {
        description: 'An error, in the envelope',
        content: {
          'application/json': { schema: resolver(ErrorEnvelope, { options: { io: 'output' } }) },
        },
      },
    },
  })

/** The CSV as a download named by its parts: actuals-PRJ-0012-2026-01-01.csv. */
export const csvFile = (c: Context, csv: string, parts: (string | undefined)[]) =>
  c.body(csv, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${parts.filter(Boolean).join('-')}.csv"`,
  })

// The body limit lets a JSON-escaped file through (lib/security.ts); the file itself is held here.
export const tooLarge = (csv: string) =>
  Buffer.byteLength(csv, 'utf8') > MAX_IMPORT_BYTES
    ? errorBody('payload_too_large', `The CSV is larger than ${MAX_IMPORT_BYTES / 2 ** 20} MiB`)
    : null

/** 422 invalid_import: every problem in the file with its line and column; nothing was written. */
export const invalidImport = (problems: ImportProblem[]) =>
  errorBody(
    'invalid_import',
    `The file has ${problems.length} error${problems.length === 1 ? '' : 's'}: nothing was written`,
    problems.map((p) => ({ path: 'json.csv', ...p })),
  )
