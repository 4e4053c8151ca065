import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import { Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { formatInstant } from '../../lib/format.ts'
import { PdfActions } from './components/pdf-actions.tsx'
import { ReportView } from './components/report-view.tsx'
import { reportQueries, snapshotCsvHref, snapshotPdfHref } from './queries.ts'
import { ShareLinks } from './share-links.tsx'

/**
 * A frozen report, exactly as it was frozen, with its PDF and CSV downloads; managers share it
 * by link.
 */
export function SnapshotPage({ canManage }: { canManage: boolean }) {
  const id = Number(useParams().id)
  const valid = Number.isInteger(id) && id > 0
  const snapshot = useQuery({ ...reportQueries.snapshot(id), enabled: valid })
  const data = snapshot.data
  return (
    <div className="page">
      <title>{`${data?.title ?? 'Report snapshot'} · opsdeck`}</title>
      <p className="report-actions">
        <Link to="/reports/snapshots">← Archive</Link>
      </p>
      {!valid ? (
        <div className="state state-error" role="alert">
          <h1>No such snapshot</h1>
          <p>This address does not name a report snapshot.</p>
        </div>
      ) : null}
      <QueryErrorState title="Could not open this report snapshot" query={snapshot} />
      {valid && snapshot.isPending ? <Loading label="Opening the report…" lines={10} tall /> : null}
      {data ? (
        <ReportView
          report={data.report}
          csvHref={snapshotCsvHref(data.id)}
          meta={
            <>
              {/* The header above says what the data is up to. */}
              <p className="report-frozen">
                Frozen by {data.frozenBy} on {formatInstant(data.frozenAt)}.
              </p>
              <PdfActions
                href={snapshotPdfHref(data.id)}
                fileName={`report-${data.firstDay}-${data.lastDay}.pdf`}
              />
              <p className="report-actions">
                <a href={snapshotCsvHref(data.id)('figures')} download>
                  All figures (CSV)
                </a>
              </p>
              <ShareLinks snapshotId={data.id} canManage={canManage} />
            </>
          }
        />
      ) : null}
    </div>
  )
}
