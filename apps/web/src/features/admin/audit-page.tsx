import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { LoadMore } from '../../components/ui/load-more.tsx'
import { EmptyState, QueryErrorState, Skeleton } from '../../components/ui/states.tsx'
import { formatTimestamp } from '../../lib/format.ts'
import { AuditFilters } from './components/audit-filters.tsx'
import { adminQueries, type AuditEntry } from './queries.ts'
import {
  actorLabel,
  auditSearchParams,
  describeChanges,
  hasFilters,
  parseAuditFilters,
} from './transform.ts'

/** Who changed what and when, newest first; the filters live in the URL so a view can be shared. */
export function AuditPage() {
  const [params, setParams] = useSearchParams()
  const search = params.toString()
  const filters = useMemo(() => parseAuditFilters(new URLSearchParams(search)), [search])
  const audit = useInfiniteQuery(adminQueries.audit(filters))
  const users = useQuery(adminQueries.users())
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? []

  return (
    <section className="admin-section" aria-labelledby="audit-title">
      <title>Audit log · Admin · opsdeck</title>
      <header className="section-head">
        <h2 id="audit-title">Audit log</h2>
      </header>
      <AuditFilters
        key={search}
        filters={filters}
        users={users.data}
        onApply={(next) => setParams(auditSearchParams(next))}
      />
      <QueryErrorState title="Could not load the audit log" query={audit} />
      {audit.isPending ? <Skeleton lines={8} /> : null}
      {audit.isSuccess && entries.length === 0 ? (
        <EmptyState title={hasFilters(filters) ? 'No entries match' : 'Nothing recorded yet'}>
          <p>
            {hasFilters(filters)
              ? 'Try a wider date range, or clear the filters.'
              : 'Every change made in opsdeck is recorded here, with who made it.'}
          </p>
        </EmptyState>
      ) : null}
      {entries.length > 0 ? (
        <>
          <div className="table-scroll">
            <table className="data admin-table audit-table">
              <caption className="visually-hidden">Audit log entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Entity</th>
                  <th scope="col">Action</th>
                  <th scope="col">Changes</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <AuditRow key={e.id} entry={e} />
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore shown={entries.length} noun={['entry', 'entries']} query={audit} />
        </>
      ) : null}
    </section>
  )
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const changes = describeChanges(entry.changes)
  return (
    <tr>
      <td className="nowrap">
        <time dateTime={entry.at}>{formatTimestamp(entry.at)}</time>
      </td>
      <td>{actorLabel(entry.actor)}</td>
      <td className="nowrap">
        {entry.entity}
        {entry.entityId ? <span className="muted"> #{entry.entityId}</span> : null}
      </td>
      <td>
        <span className="action-tag">{entry.action}</span>
      </td>
      <td>
        {changes.length ? (
          <ul className="changes">
            {changes.map((c) => (
              <li key={c.field}>
                <span className="change-field">{c.field}:</span> {c.text}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  )
}
