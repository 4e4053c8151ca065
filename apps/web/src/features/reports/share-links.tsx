import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { Confirm } from '../../components/ui/confirm.tsx'
import { EmptyState, Loading, QueryErrorState } from '../../components/ui/states.tsx'
import { formatInstant } from '../../lib/format.ts'
import { useOpener } from '../../lib/use-opener.ts'
import { ShareLinkForm } from './share-link-form.tsx'
import { linkStatus, type ShareLink, shareQueries, useRevokeShareLink } from './share-queries.ts'

const STATUS_CLASS = { active: 'status-on', expired: 'status-off', revoked: 'status-off' } as const

/**
 * A snapshot's share links, for managers and admins (the API refuses viewers): who they were made
 * for, until when, and whether anyone opened them; new ones, and revoking.
 */
export function ShareLinks({ snapshotId, canManage }: { snapshotId: number; canManage: boolean }) {
  if (!canManage) return null
  return <SharePanel snapshotId={snapshotId} />
}

function SharePanel({ snapshotId }: { snapshotId: number }) {
  const id = useId()
  const links = useQuery(shareQueries.links(snapshotId))
  const { open: creating, show, close, opener } = useOpener()
  return (
    <section className="panel share-links" aria-labelledby={`${id}-title`}>
      <header className="section-head">
        <h2 id={`${id}-title`}>Share links</h2>
        {creating ? null : (
          <button ref={opener} type="button" className="button" onClick={show}>
            New share link
          </button>
        )}
      </header>
      <p className="muted section-about">
        A link opens this report, read-only, without an account; nothing else in opsdeck.
      </p>
      {creating ? <ShareLinkForm snapshotId={snapshotId} onDone={close} /> : null}
      <QueryErrorState title="Could not load the share links" query={links} />
      {links.isPending ? <Loading label="Loading the share links…" lines={3} /> : null}
      {links.data?.length === 0 ? (
        <EmptyState title="Not shared yet">
          <p>Make a link for anyone who should read this report without an account.</p>
        </EmptyState>
      ) : null}
      {links.data?.length ? (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">Share links, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col" className="text">
                  Created
                </th>
                <th scope="col" className="text">
                  Expires
                </th>
                <th scope="col" className="text">
                  Status
                </th>
                <th scope="col" className="text">
                  Last opened
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.data.map((link) => (
                <LinkRow key={link.id} link={link} snapshotId={snapshotId} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

const nameOf = (link: ShareLink) => link.label || `Link ${link.id}`

function LinkRow({ link, snapshotId }: { link: ShareLink; snapshotId: number }) {
  const revoke = useRevokeShareLink(snapshotId)
  const { open: asking, show: ask, close, opener } = useOpener()
  const status = linkStatus(link)
  return (
    <tr className={status === 'active' ? undefined : 'row-disabled'}>
      <th scope="row">
        {nameOf(link)}
        {link.createdBy ? <span className="small muted"> · by {link.createdBy}</span> : null}
      </th>
      <td className="nowrap">{formatInstant(link.createdAt)}</td>
      <td className="nowrap">{formatInstant(link.expiresAt)}</td>
      <td className="nowrap">
        <span className={`status-badge ${STATUS_CLASS[status]}`}>
          {status === 'revoked' && link.revokedAt
            ? `Revoked ${formatInstant(link.revokedAt)}`
            : status === 'expired'
              ? 'Expired'
              : 'Active'}
        </span>
      </td>
      <td className="nowrap">
        {link.lastUsedAt ? formatInstant(link.lastUsedAt) : <span className="muted">Never</span>}
      </td>
      <td className="row-actions">
        {status !== 'active' ? null : asking ? (
          <Confirm
            question={`Revoke “${nameOf(link)}”? It stops opening the report at once.`}
            confirmLabel="Revoke link"
            danger
            onConfirm={() => revoke.mutate(link.id, { onSuccess: close })}
            onCancel={() => {
              revoke.reset()
              close()
            }}
          />
        ) : (
          <button
            ref={opener}
            type="button"
            className="button button-small button-quiet"
            aria-label={`Revoke ${nameOf(link)}`}
            onClick={ask}
          >
            Revoke
          </button>
        )}
        {revoke.error ? (
          <p className="form-error" role="alert">
            {revoke.error.message}
          </p>
        ) : null}
      </td>
    </tr>
  )
}
