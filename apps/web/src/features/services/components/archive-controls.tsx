import { useEffect, useRef, useState } from 'react'
import { Confirm } from '../../../components/ui/confirm.tsx'
import { formatInstant } from '../../../lib/format.ts'
import { type ServiceDetail, useArchiveService } from '../queries.ts'

// Archiving keeps a service's history but stops its checks and hides it from the list; the API
// refuses while a business service has it as a component, and its message names them.

interface ArchiveProps {
  detail: ServiceDetail
  canManage: boolean
}

/** For an archived service: says so at the top of the page, with Restore for managers. */
export function ArchivedBanner({ detail, canManage }: ArchiveProps) {
  const { slug, name, archivedAt } = detail.service
  const restore = useArchiveService(slug)
  const [restored, setRestored] = useState(false)
  const said = useRef<HTMLParagraphElement>(null)
  const banner = useRef<HTMLElement>(null)
  // The button pressed disappears (Archive with its section, Restore with the banner): focus
  // moves to what happened instead.
  useEffect(() => {
    if (restored) said.current?.focus()
  }, [restored])
  const wasArchived = useRef(archivedAt)
  useEffect(() => {
    if (archivedAt && !wasArchived.current) banner.current?.focus()
    wasArchived.current = archivedAt
  }, [archivedAt])
  return (
    <>
      <p role="status" className="form-success" tabIndex={-1} ref={said}>
        {restored && !archivedAt ? `${name} restored: it is checked again and listed.` : ''}
      </p>
      {archivedAt ? (
        <section className="archived-banner" aria-label="Archived" tabIndex={-1} ref={banner}>
          <p>
            <strong>Archived</strong> on {formatInstant(archivedAt)}. Its history is kept; it takes
            no checks and is hidden from the Services list.
          </p>
          {canManage ? (
            <button
              type="button"
              className="button button-small"
              disabled={restore.isPending}
              onClick={() => {
                restore.mutate(false, { onSuccess: () => setRestored(true) })
              }}
            >
              {restore.isPending ? 'Restoring…' : 'Restore'}
            </button>
          ) : null}
          {restore.error ? (
            <p className="form-error" role="alert">
              Not restored: {restore.error.message}
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  )
}

/** "Archive service" for managers, asking first and saying what it does. */
export function ArchiveSection({ detail, canManage }: ArchiveProps) {
  const { slug, name, archivedAt } = detail.service
  const archive = useArchiveService(slug)
  const [asking, setAsking] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const problem = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (archive.error) problem.current?.focus()
  }, [archive.error])
  if (!canManage || archivedAt) return null
  const cancel = () => {
    setAsking(false)
    // The confirm's buttons go away: focus back where the person started.
    requestAnimationFrame(() => button.current?.focus())
  }
  return (
    <section aria-labelledby="svc-archive">
      <h2 id="svc-archive">Archive</h2>
      <p className="muted small">
        An archived service keeps its history (uptime, incidents, audit) but takes no checks and is
        hidden from the Services list; it can be restored. A component of a business service cannot
        be archived.
      </p>
      {asking ? (
        <Confirm
          question={`Archive ${name}? Its history is kept; the prober stops, pushed samples are refused and it leaves the Services list.`}
          confirmLabel="Archive"
          danger
          onCancel={cancel}
          onConfirm={() => {
            setAsking(false)
            archive.mutate(true)
          }}
        />
      ) : (
        <button
          ref={button}
          type="button"
          className="button button-small button-danger"
          disabled={archive.isPending}
          onClick={() => {
            archive.reset()
            setAsking(true)
          }}
        >
          {archive.isPending ? 'Archiving…' : 'Archive service'}
        </button>
      )}
      {archive.error ? (
        <p className="form-error" role="alert" tabIndex={-1} ref={problem}>
          Not archived: {archive.error.message}
        </p>
      ) : null}
    </section>
  )
}
