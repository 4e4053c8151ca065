import { useState } from 'react'
import { useOpener } from '../../../lib/use-opener.ts'
import type { ServiceDetail } from '../queries.ts'
import { CheckConfigView } from './check-config.tsx'
import { CheckFormView } from './check-form.tsx'

/** The check configuration; managers and admins may edit it, viewers only read it. */
export function CheckSection(props: { detail: ServiceDetail; canManage: boolean }) {
  const { detail, canManage } = props
  const [message, setMessage] = useState('')
  // Closing the form puts focus back on the button, where the person started.
  const { open: editing, show, close: closeForm, opener: editButton } = useOpener()
  const close = (said: string) => {
    closeForm()
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
              show()
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
