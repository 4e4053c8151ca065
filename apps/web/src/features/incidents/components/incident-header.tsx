import { INCIDENT_STATUS_LABELS } from '@opsdeck/contract'
import type { ReactNode } from 'react'
import { formatDuration } from '../../../lib/format.ts'
import type { IncidentDetail } from '../queries.ts'
import { SeverityBadge } from './severity-badge.tsx'

/** The incident's title, ref, severity, status, commander and how long it has run or lasted. */
export function IncidentHeader(props: {
  detail: IncidentDetail
  updating: boolean
  /** Buttons beside the title (a manager's "Edit incident"). */
  actions?: ReactNode
}) {
  const { detail, updating, actions } = props
  const { incident } = detail
  const open = incident.resolvedAt === null
  return (
    <header className="page-head">
      <div>
        <p className="incident-ref">{incident.ref}</p>
        <h1 className="incident-title">{incident.title}</h1>
        <ul className="incident-facts" aria-label="About this incident">
          <li>
            <SeverityBadge severity={incident.severity} />
          </li>
          <li>
            <span className="muted">Status</span>{' '}
            <strong>{INCIDENT_STATUS_LABELS[incident.status]}</strong>
          </li>
          <li>
            <span className="muted">Commander</span>{' '}
            {incident.commander?.name ?? <span className="muted">none</span>}
          </li>
          <li>
            <span className="muted">{open ? 'Open for' : 'Lasted'}</span>{' '}
            {formatDuration(incident.durationMinutes)}
          </li>
          <li>
            <span className="muted">Source</span> {incident.source}
          </li>
        </ul>
      </div>
      <div className="page-actions">
        <span className="status-text" role="status">
          {updating ? 'Updating…' : ''}
        </span>
        {actions}
      </div>
    </header>
  )
}
