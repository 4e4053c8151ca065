import { type FormEvent, useId, useState } from 'react'
import type { AdminUser } from '../queries.ts'
import { type AuditFilters as Filters, hasFilters } from '../transform.ts'

// Suggestions only: the log may hold other entities and actions as the product grows.
const ENTITIES = ['user', 'token', 'auth']
const ACTIONS = [
  'create',
  'update',
  'revoke',
  'password_change',
  'password_reset',
  'login',
  'login_failed',
  'logout',
]

interface AuditFiltersProps {
  filters: Filters
  users: AdminUser[] | undefined
  onApply: (filters: Filters) => void
}

/** The filter form; the page keys it by the URL, so Back and Clear refill it. */
export function AuditFilters({ filters, users, onApply }: AuditFiltersProps) {
  const id = useId()
  const [draft, setDraft] = useState<Filters>(filters)
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onApply(draft)
  }
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter the audit log">
      <div className="field">
        <label htmlFor={`${id}-entity`}>Entity</label>
        <input
          id={`${id}-entity`}
          list={`${id}-entities`}
          value={draft.entity ?? ''}
          onChange={set('entity')}
          placeholder="any"
        />
        <datalist id={`${id}-entities`}>
          {ENTITIES.map((e) => (
            <option key={e} value={e} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>Action</label>
        <input
          id={`${id}-action`}
          list={`${id}-actions`}
          value={draft.action ?? ''}
          onChange={set('action')}
          placeholder="any"
        />
        <datalist id={`${id}-actions`}>
          {ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-actor`}>Actor</label>
        <select id={`${id}-actor`} value={draft.actor ?? ''} onChange={set('actor')}>
          <option value="">Anyone</option>
          {users?.map((u) => (
            <option key={u.id} value={String(u.id)}>
              {u.email}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={draft.from ?? ''} onChange={set('from')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={draft.to ?? ''} onChange={set('to')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          Apply
        </button>
        {hasFilters(filters) ? (
          <button type="button" className="button button-quiet" onClick={() => onApply({})}>
            Clear
          </button>
        ) : null}
      </div>
    </form>
  )
}
