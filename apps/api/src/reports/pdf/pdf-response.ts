import type { Context } from 'hono'
import { describeRoute, resolver } from 'hono-openapi'
import { errorBody } from '../../lib/errors.ts'
import { ErrorEnvelope, errorResponses } from '../../lib/openapi.ts'
import type { ErrorCode } from '@opsdeck/contract'
import { PdfBusyError, type PdfRenderer, PdfUnavailableError } from './render-pdf.ts'

/** A PDF download for the OpenAPI document: doc() describes JSON bodies only. */
export const pdfDoc = (summary: string, errors: ErrorCode[], tags: string[]) =>
  describeRoute({
    summary,
    tags,
    responses: {
      200: {
        description: 'The report as an A4 PDF, as an attachment',
        content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
      },
      ...errorResponses([...errors, 'pdf_unavailable', 'overloaded']),
      default: {
        description: 'An error, in the envelope',
        content: {
          'application/json': { schema: resolver(ErrorEnvelope, { options: { io: 'output' } }) },
        },
      },
    },
  })

/** The snapshot's PDF, or 503 pdf_unavailable saying why and to print from the browser. */
export async function pdfFile(
  c: Context,
  renderer: PdfRenderer | undefined,
  snapshotId: number,
  name: string,
) {
  if (!renderer) {
    const message =
      "PDF export is not set up on this server: use the browser's Print (Ctrl+P) on the report page instead"
    return c.json(errorBody('pdf_unavailable', message), 503)
  }
  try {
    const pdf = await renderer.render(snapshotId)
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${name}.pdf"`,
    })
  } catch (err) {
    if (err instanceof PdfUnavailableError)
      return c.json(errorBody('pdf_unavailable', err.message), 503)
    if (err instanceof PdfBusyError) {
      c.header('Retry-After', '5')
      return c.json(errorBody('overloaded', err.message), 503)
    }
    throw err
  }
}
