import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { Confirm } from '../../components/ui/confirm.tsx'
import { EmptyState, QueryErrorState, Skeleton } from '../../components/ui/states.tsx'
import { formatDate, formatInstant } from '../../lib/format.ts'
import { CreateTokenForm } from './components/create-token-form.tsx'
import { type ApiToken, adminQueries, useRevokeToken } from './queries.ts'
import { adminProblem, type TokenStanding, tokenStanding } from './transform.ts'

const COLUMNS = 7
const STANDING_CLASS: Record<TokenStanding['tone'], string> = {
  on: 'status-on',
  narrowed: 'status-off tone-warn',
  off: 'status-off',
}

/** Machine access: tokens for probes and reporting tools, revocable one by one. */
export function TokensPage() {
  const tokens = useQuery(adminQueries.tokens())
  const [creating, setCreating] = useState(false)
  return (
    <section className="admin-section" aria-labelledby="tokens-title">
      <title>API tokens · Admin · opsdeck</title>
      <header className="section-head">
        <h2 id="tokens-title">API tokens</h2>
        {creating ? null : (
          <button type="button" className="button" onClick={() => setCreating(true)}>
            Create token
          </button>
        )}
      </header>
      <p className="muted section-about">
        Tokens let scripts and probes use the API without a person’s session. Send one as{' '}
        <code>Authorization: Bearer …</code>; revoke it when the thing that uses it goes away.
      </p>
      {creating ? <CreateTokenForm onClose={() => setCreating(false)} /> : null}
      <QueryErrorState title="Could not load the API tokens" query={tokens} />
      {tokens.isPending ? <Skeleton lines={4} /> : null}
      {tokens.data?.length === 0 ? (
        <EmptyState title="No API tokens yet">
          <p>Create one for each script or probe that needs the API.</p>
        </EmptyState>
      ) : null}
      {tokens.data?.length ? (
        <div className="table-scroll">
          <table className="data admin-table">
            <caption className="visually-hidden">API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Created by</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => (
                <TokenRow key={t.id} token={t} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

function TokenRow({ token }: { token: ApiToken }) {
  const revoke = useRevokeToken()
  const [asking, setAsking] = useState(false)
  const trigger = useRef<HTMLButtonElement>(null)
  const revoked = token.revokedAt !== null
  const standing = tokenStanding(token)
  return (
    <>
      <tr className={revoked ? 'row-disabled' : undefined}>
        <th scope="row">{token.name}</th>
        <td>
          {token.scopes.map((s) => (
            <span key={s} className="scope">
              {s}
            </span>
          ))}
        </td>
        <td className="nowrap">{formatDate(token.createdAt)}</td>
        <td>{token.createdBy?.email ?? <span className="muted">unknown</span>}</td>
        <td className="nowrap">
          {token.lastUsedAt ? (
            formatInstant(token.lastUsedAt)
          ) : (
            <span className="muted">Never</span>
          )}
        </td>
        <td className="nowrap">
          <span className={`status-badge ${STANDING_CLASS[standing.tone]}`}>{standing.label}</span>
        </td>
        <td className="row-actions">
          {revoked ? null : (
            <button
              ref={trigger}
              type="button"
              className="button-link tone-bad"
              aria-label={`Revoke ${token.name}`}
              aria-expanded={asking}
              disabled={revoke.isPending}
              onClick={() => setAsking((a) => !a)}
            >
              {revoke.isPending ? 'Revoking…' : 'Revoke'}
            </button>
          )}
        </td>
      </tr>
      {asking ? (
        <tr className="row-extra">
          <td colSpan={COLUMNS}>
            <Confirm
              question={`Revoke “${token.name}”? Anything using it stops working at once.`}
              confirmLabel="Revoke"
              danger
              onCancel={() => {
                setAsking(false)
                requestAnimationFrame(() => trigger.current?.focus())
              }}
              onConfirm={() => {
                setAsking(false)
                revoke.mutate(token.id)
              }}
            />
          </td>
        </tr>
      ) : null}
      {revoke.error ? (
        <tr className="row-extra">
          <td colSpan={COLUMNS}>
            <p className="form-error" role="alert">
              {token.name}: {adminProblem(revoke.error)}
            </p>
          </td>
        </tr>
      ) : null}
    </>
  )
}
