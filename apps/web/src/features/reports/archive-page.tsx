import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { EmptyState, Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { formatDay, formatInstant } from '../../lib/format.ts'
import { ReportsNav } from './archive-nav.tsx'
import { reportQueries, type SnapshotListItem } from './queries.ts'

// Newest period first; of two freezes of one period, the later first.
const newestFirst = (x: SnapshotListItem, y: SnapshotListItem) =>
  y.firstDay.localeCompare(x.firstDay) || y.lastDay.localeCompare(x.lastDay) || y.id - x.id

/** Where two snapshots are compared: the earlier period as A, so the difference reads forward. */
export function compareHref(x: SnapshotListItem, y: SnapshotListItem) {
  const [a, b] = newestFirst(x, y) > 0 ? [x, y] : [y, x]
  return `/reports/compare?a=${a.id}&b=${b.id}`
}

/** Every frozen report, newest period first; two of them picked are compared side by side. */
export function ArchivePage() {
  const snapshots = useQuery(reportQueries.snapshots())
  const [picked, setPicked] = useState<number[]>([])
  const navigate = useNavigate()
  const list = snapshots.data ? [...snapshots.data].sort(newestFirst) : []
  // A third pick replaces the first: two are compared.
  const toggle = (id: number, on: boolean) =>
    setPicked((p) => (on ? [...p, id].slice(-2) : p.filter((x) => x !== id)))
  const chosen = list.filter((s) => picked.includes(s.id))
  const [x, y] = chosen
  return (
    <div className="page">
      <title>Report archive · opsdeck</title>
      <header className="page-head">
        <div>
          <h1>Report archive</h1>
          <p className="muted">Frozen reports, as they were frozen. Pick two to compare them.</p>
        </div>
      </header>
      <ReportsNav />
      <QueryErrorState title="Could not load the frozen reports" query={snapshots} />
      {snapshots.isPending ? <Loading label="Loading the frozen reports…" lines={6} /> : null}
      {snapshots.data?.length === 0 ? (
        <EmptyState title="No report frozen yet">
          <p>
            No report frozen yet — freeze one from <Link to="/reports">Reports</Link>.
          </p>
        </EmptyState>
      ) : null}
      {list.length ? (
        <>
          <div className="page-actions">
            <button
              type="button"
              className="button"
              disabled={!x || !y}
              onClick={() => x && y && void navigate(compareHref(x, y))}
            >
              Compare
            </button>
            <span role="status" className="muted">
              {x && y
                ? `${x.label} and ${y.label} picked`
                : `Pick two reports (${picked.length} of 2)`}
            </span>
          </div>
          <div className="table-scroll">
            <table className="data">
              <caption className="visually-hidden">Frozen reports, newest period first</caption>
              <thead>
                <tr>
                  <th scope="col">Compare</th>
                  <th scope="col" className="text">
                    Period
                  </th>
                  <th scope="col" className="text">
                    Title
                  </th>
                  <th scope="col" className="text">
                    Frozen
                  </th>
                  <th scope="col" className="text">
                    Data up to
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <input
                        type="checkbox"
                        checked={picked.includes(s.id)}
                        onChange={(e) => toggle(s.id, e.target.checked)}
                        aria-label={`Pick ${s.title}, ${s.label}, frozen ${formatInstant(s.frozenAt)}`}
                      />
                    </td>
                    <th scope="row">
                      <Link to={`/reports/snapshots/${s.id}`}>{s.label}</Link>
                      <div className="small muted">
                        {formatDay(s.firstDay)} – {formatDay(s.lastDay)}
                      </div>
                    </th>
                    <td>
                      {s.title}
                      {s.scheduleId === null ? null : (
                        <>
                          {' '}
                          <span className="status-badge status-off">Scheduled</span>
                        </>
                      )}
                    </td>
                    <td>
                      {formatInstant(s.frozenAt)}
                      <div className="small muted">by {s.frozenBy}</div>
                    </td>
                    <td className="nowrap">{formatInstant(s.dataCutoff)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  )
}
