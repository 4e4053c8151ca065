import { Link } from 'react-router'
import type { IncidentRow } from '../list-transform.ts'
import { SeverityBadge } from './severity-badge.tsx'

interface IncidentsTableProps {
  rows: readonly IncidentRow[]
  /** The page's query string, carried into each incident's link so Back returns to this view. */
  search: string
}

/** The incidents, open first (as the API orders them); breaches and time left in words. */
export function IncidentsTable({ rows, search }: IncidentsTableProps) {
  return (
    <div className="table-scroll">
      <table className="data incidents-table">
        <caption className="visually-hidden">
          Incidents, open first, then by severity, then newest
        </caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col" className="text">
              Incident
            </th>
            <th scope="col" className="text">
              Status
            </th>
            <th scope="col">Age</th>
            <th scope="col" className="text">
              Commander
            </th>
            <th scope="col" className="text">
              Services
            </th>
            <th scope="col" className="text">
              Targets
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.ref} className={row.open ? 'incident-open' : undefined}>
              <td>
                <SeverityBadge severity={row.severity} />
              </td>
              <th scope="row">
                <Link to={{ pathname: `/incidents/${row.ref}`, search }}>
                  <span className="incident-ref">{row.ref}</span> {row.title}
                </Link>
              </th>
              <td>{row.status}</td>
              <td className="num">{row.age}</td>
              <td>{row.commander ?? <span className="muted">none</span>}</td>
              <td className="wrap">{row.services}</td>
              <td>
                <TargetsCell row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function TargetsCell({ row }: { row: IncidentRow }) {
  const { breaches, next } = row
  if (!row.hasTargets) return <span className="muted">no target</span>
  if (breaches.length === 0 && !next) return <span className="muted">met</span>
  return (
    <span className="targets">
      {breaches.map((b) => (
        <span key={b} className="breach">
          <span aria-hidden="true">⚠</span> {b} breached
        </span>
      ))}
      {next ? (
        <span className={next.overdue ? 'target-next tone-bad' : 'target-next'}>
          {next.milestone}: {next.text}
        </span>
      ) : null}
    </span>
  )
}
