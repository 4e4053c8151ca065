import { ApiError } from '../../../lib/api.ts'
import { useDownloadPdf } from '../report-writes.ts'

/**
 * Download the PDF the server renders; when it cannot (no Chromium: 503), say so and offer the
 * browser's print, which the print stylesheet lays out as A4. Print is always offered.
 */
export function PdfActions({ href, fileName }: { href: string; fileName: string }) {
  const pdf = useDownloadPdf(href, fileName)
  const unavailable = pdf.error instanceof ApiError && pdf.error.status === 503
  return (
    <div className="report-actions">
      <div className="page-actions">
        <button
          type="button"
          className="button"
          disabled={pdf.isPending}
          onClick={() => pdf.mutate()}
        >
          {pdf.isPending ? 'Preparing the PDF…' : 'Download PDF'}
        </button>
        <button type="button" className="button button-quiet" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {pdf.error ? (
        <p className="form-error" role="alert">
          {pdf.error.message}
          {unavailable ? ' Use Print instead, and choose “Save as PDF” as the printer.' : null}
        </p>
      ) : null}
    </div>
  )
}
