import { useQuery } from '@tanstack/react-query'
import { Link, useSearchParams } from 'react-router'
import { Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { formatInstant } from '../../lib/format.ts'
import { ReportsNav } from './archive-nav.tsx'
import { CompareSections, CompareSummaries } from './compare-sections.tsx'
import { reportQueries, type Snapshot } from './queries.ts'
import './compare.css'
import './report.css'

const idOf = (value: string | null) => {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : null
}

/** Two frozen reports side by side (`?a=&b=`): every figure in both, and what changed. */
export function ComparePage() {
  const [params] = useSearchParams()
  const a = idOf(params.get('a'))
  const b = idOf(params.get('b'))
  const valid = a !== null && b !== null
  const first = useQuery({ ...reportQueries.snapshot(a ?? 0), enabled: valid })
  const second = useQuery({ ...reportQueries.snapshot(b ?? 0), enabled: valid })
  const [sa, sb] = [first.data, second.data]
  return (
    <div className="page compare">
      <title>
        {sa && sb
          ? `${sa.report.period.label} vs ${sb.report.period.label} · opsdeck`
          : 'Compare reports · opsdeck'}
      </title>
      <header className="page-head">
        <div>
          <h1>Compare reports</h1>
          <p className="muted">Two frozen reports side by side; the difference is B − A.</p>
        </div>
      </header>
      <ReportsNav />
      {!valid ? (
        <div className="state state-error" role="alert">
          <h2>Pick two reports</h2>
          <p>
            This address does not name two report snapshots. Pick two in the{' '}
            <Link to="/reports/snapshots">archive</Link>.
          </p>
        </div>
      ) : null}
      <QueryErrorState title="Could not open report A" query={first} />
      <QueryErrorState title="Could not open report B" query={second} />
      {valid && (first.isPending || second.isPending) ? (
        <Loading label="Opening the two reports…" lines={8} tall />
      ) : null}
      {sa && sb ? (
        <>
          <div className="compare-sides">
            <SideCard side="A" snapshot={sa} />
            <SideCard side="B" snapshot={sb} />
          </div>
          <p className="report-actions">
            <Link to={`/reports/compare?a=${sb.id}&b=${sa.id}`}>Swap A and B</Link>
          </p>
          <CompareSummaries a={sa} b={sb} />
          <CompareSections a={sa} b={sb} />
        </>
      ) : null}
    </div>
  )
}

function SideCard({ side, snapshot: s }: { side: 'A' | 'B'; snapshot: Snapshot }) {
  return (
    <section className="compare-side" aria-label={`Report ${side}`}>
      <p className="compare-side-tag">{side}</p>
      <h2>
        <Link to={`/reports/snapshots/${s.id}`}>{s.report.period.label}</Link>
      </h2>
      <p>{s.title}</p>
      <p className="small muted">
        Frozen by {s.frozenBy} on {formatInstant(s.frozenAt)}, data up to{' '}
        {formatInstant(s.dataCutoff)}
      </p>
    </section>
  )
}
