import { useState } from 'react'
import type { ServiceDetail } from '../queries.ts'
import { AlertsList } from './alerts-list.tsx'
import { IncidentOnPageForm } from './incident-on-page-form.tsx'

/**
 * The service's burn-rate alerts, and whether a page-level one opens an incident: managers and
 * admins change that here, viewers read it.
 */
export function AlertsSection(props: { detail: ServiceDetail; canManage: boolean }) {
  const { detail, canManage } = props
  const { slug, openIncidentOnPage } = detail.service
  const [message, setMessage] = useState('')
  return (
    <section aria-labelledby="svc-alerts">
      <div className="section-head">
        <h2 id="svc-alerts">Burn-rate alerts</h2>
        <p role="status" className="form-success">
          {message}
        </p>
      </div>
      {canManage ? (
        <IncidentOnPageForm
          slug={slug}
          saved={openIncidentOnPage}
          onEdit={() => setMessage('')}
          onSaved={setMessage}
        />
      ) : (
        <p className="muted small">
          {openIncidentOnPage
            ? 'A page-level alert opens an SEV2 incident for this service.'
            : 'Page-level alerts do not open an incident for this service.'}{' '}
          Managers and admins can change this.
        </p>
      )}
      <AlertsList alerts={detail.alerts} />
    </section>
  )
}
