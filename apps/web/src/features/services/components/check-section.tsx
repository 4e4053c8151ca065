import { useEffect, useRef, useState } from 'react'
import type { ServiceDetail } from '../queries.ts'
import { CheckConfigView } from './check-config.tsx'
import { CheckFormView } from './check-form.tsx'

/** The check configuration; managers and admins may edit it, viewers only read it. */
export function CheckSection(props: { detail: ServiceDetail; canManage: boolean }) {
  const { detail, canManage } = props
  const [editing, setEditing] = useState(false)
  const [message, setMessage] = useState('')
  const editButton = useRef<HTMLButtonElement>(null)
  const returning = useRef(false)
  // Closing the form removes the focused element: put focus back where the person started.
  useEffect(() => {
    if (editing || !returning.current) return
    returning.current = false
    editButton.current?.focus()
  }, [editing])
  const close = (said: string) => {
    returning.current = true
    setEditing(false)
    setMessage(said)
  }
  return (
    <section aria-labelledby="svc-check">
      <div className="section-head">
        <h2 id="svc-check">Check configuration</h2>
        <p role="status" className="form-success">
          {message}
        </p>
        {canManage && !editing ? (
          <button
            ref={editButton}
            type="button"
            className="button button-small"
            onClick={() => {
              setMessage('')
              setEditing(true)
            }}
          >
            Edit check
          </button>
        ) : null}
      </div>
      {editing ? (
        <CheckFormView
          slug={detail.service.slug}
          check={detail.check}
          onDone={close}
          onCancel={() => close('')}
        />
      ) : (
        <CheckConfigView check={detail.check} />
      )}
      {canManage ? null : <p className="muted small">Managers and admins can change the check.</p>}
    </section>
  )
}
