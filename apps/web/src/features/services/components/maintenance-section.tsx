import { useEffect, useRef, useState } from 'react'
import type { ServiceDetail } from '../queries.ts'
import { MaintenanceFormView } from './maintenance-form.tsx'
import { MaintenanceList } from './maintenance-list.tsx'

/** Upcoming maintenance; managers and admins schedule more here. */
export function MaintenanceSection(props: { detail: ServiceDetail; canManage: boolean }) {
  const { detail, canManage } = props
  const [open, setOpen] = useState(false)
  const [message, setMessage] = useState('')
  const button = useRef<HTMLButtonElement>(null)
  const returning = useRef(false)
  // Closing the form removes the focused element: put focus back where the person started.
  useEffect(() => {
    if (open || !returning.current) return
    returning.current = false
    button.current?.focus()
  }, [open])
  const close = (said: string) => {
    returning.current = true
    setOpen(false)
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
              setOpen(true)
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
