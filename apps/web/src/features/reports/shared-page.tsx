import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useParams } from 'react-router'
import { Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { ApiError } from '../../lib/api.ts'
import { formatInstant } from '../../lib/format.ts'
import { PdfActions } from './components/pdf-actions.tsx'
import { ReportView } from './components/report-view.tsx'
import { reportQueries, sharedCsvHref, sharedPdfHref } from './queries.ts'

/**
 * A report opened by a share link, without an account: that one snapshot, read only, without the
 * app's navigation (the reader has no access to anything else).
 */
export function SharedPage() {
  const token = useParams().token ?? ''
  const shared = useQuery(reportQueries.shared(token))
  const { data, error } = shared
  const status = error instanceof ApiError ? error.status : null
  return (
    <main id="main" className="report-shared">
      <title>{`${data?.snapshot.title ?? 'Shared report'} · opsdeck`}</title>
      {shared.isPending ? <Loading label="Opening the report…" lines={10} tall /> : null}
      {status === 404 ? (
        <Gone title="No report is shared at this link">
          Check that the whole link was copied, or ask the person who sent it for a new one.
        </Gone>
      ) : status === 410 ? (
        <Gone title="This link no longer opens the report">{error?.message}</Gone>
      ) : (
        <QueryErrorState title="Could not open this report" query={shared} />
      )}
      {data ? (
        <ReportView
          report={data.snapshot.report}
          csvHref={sharedCsvHref(token)}
          meta={
            <>
              {/* The header above says what the data is up to. */}
              <p className="report-frozen">Frozen on {formatInstant(data.snapshot.frozenAt)}.</p>
              <PdfActions
                href={sharedPdfHref(token)}
                fileName={`report-${data.snapshot.firstDay}-${data.snapshot.lastDay}.pdf`}
              />
              <p className="report-shared-note muted">
                This link expires on {formatInstant(data.expiresAt)}.{' '}
                <a href={sharedCsvHref(token)('figures')} download>
                  All figures (CSV)
                </a>
              </p>
            </>
          }
        />
      ) : null}
    </main>
  )
}

function Gone({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="state state-empty narrow">
      <h1>{title}</h1>
      <p>{children}</p>
    </div>
  )
}
