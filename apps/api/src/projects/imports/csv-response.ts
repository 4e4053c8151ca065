import type { ErrorCode } from '@opsdeck/contract'
import type { Context } from 'hono'
import { describeRoute, resolver } from 'hono-openapi'
import { ErrorEnvelope, errorResponses } from '../../lib/openapi.ts'

/** A CSV export for the OpenAPI document: doc() describes JSON bodies only. */
export const csvDoc = (summary: string, errors: ErrorCode[]) =>
  describeRoute({
    summary,
    tags: ['projects'],
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
