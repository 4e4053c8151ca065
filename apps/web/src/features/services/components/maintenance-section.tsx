import { useState } from 'react'
import { useOpener } from '../../../lib/use-opener.ts'
import type { ServiceDetail } from '../queries.ts'
import { MaintenanceFormView } from './maintenance-form.tsx'
import { MaintenanceList } from './maintenance-list.tsx'

/** Upcoming maintenance; managers and admins schedule more here. */
export function MaintenanceSection(props: { detail: ServiceDetail; canManage: boolean }) {
  const { detail, canManage } = props
  const [message, setMessage] = useState('')
  // Closing the form puts focus back on the button, where the person started.
  const { open, show, close: closeForm, opener: button } = useOpener()
  const close = (said: string) => {
    closeForm()
    setMessage(said)
  }
  return (
    <section aria-labelledby="svc-maintenance">
      <div className="section-head">
        <h2 id="svc-maintenance">Upcoming maintenance</h2>
        <p role="status" className="form-success">
          {message}
        </p>
        {canManage && !open ? (
          <button
            ref={button}
            type="button"
            className="button button-small"
            onClick={() => {
              setMessage('')
              show()
            }}
          >
            Schedule maintenance
          </button>
        ) : null}
      </div>
      <p className="muted small">
        Checks inside a maintenance window count as neither up nor down.
      </p>
      {open ? (
        <MaintenanceFormView
          slug={detail.service.slug}
          timezone={detail.timezone}
          onDone={close}
          onCancel={() => close('')}
        />
      ) : null}
      <MaintenanceList windows={detail.maintenance} now={detail.now} />
    </section>
  )
}
