import { lastCheckText } from '../detail-transform.ts'
import type { ServiceDetail } from '../queries.ts'
import { sloTargetLabel } from '../transform.ts'
import { StatusBadge } from './status-badge.tsx'

/** The service's name, status now with its last check, and what it is. */
export function ServiceHeader({ detail, updating }: { detail: ServiceDetail; updating: boolean }) {
  const { service, status } = detail
  return (
    <header className="service-head">
      <div className="page-head">
        <div>
          <h1>{service.name}</h1>
          <p className="muted">
            Tier {service.tier} · {service.ownerTeam?.name ?? 'no owner team'} · SLO{' '}
            {sloTargetLabel(service.slo.target, service.slo.target)} over {service.slo.windowDays}{' '}
            days
            {service.archivedAt ? ' · archived' : ''}
          </p>
        </div>
        <span className="status-text" role="status">
          {updating ? 'Updating…' : ''}
        </span>
      </div>
      <div className="status-now" role="group" aria-label="Status now">
        <StatusBadge status={status.now} />
        <span className="muted">Last check: {lastCheckText(status.lastSample)}</span>
      </div>
      {service.description ? <p>{service.description}</p> : null}
      {service.tags.length > 0 || service.runbookUrl || service.dashboardUrl ? (
        <p className="service-links">
          {service.tags.map((t) => (
            <span key={t} className="badge">
              {t}
            </span>
          ))}
          {service.runbookUrl ? <a href={service.runbookUrl}>Runbook</a> : null}
          {service.dashboardUrl ? <a href={service.dashboardUrl}>Dashboard</a> : null}
        </p>
      ) : null}
    </header>
  )
}
