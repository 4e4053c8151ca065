import { type Role, ROLE_LABELS, ROLES } from '@opsdeck/contract'
import { useRef, useState } from 'react'
import { Confirm } from '../../../components/ui/confirm.tsx'
import { formatDate, formatInstant } from '../../../lib/format.ts'
import { type AdminUser, useUnlockUser, useUpdateUser } from '../queries.ts'
import { adminProblem } from '../transform.ts'
import { ResetPassword } from './reset-password.tsx'

const COLUMNS = 7

type Open = 'reset' | 'toggle' | null

/** One user: role, status and dates, with the changes an admin can make opening below the row. */
export function UserRow({ user, isYou }: { user: AdminUser; isYou: boolean }) {
  const update = useUpdateUser()
  const unlock = useUnlockUser()
  const [role, setRole] = useState<Role>(user.role)
  // Follow the saved role when it changes underneath (after a save, or another admin's change).
  const [savedRole, setSavedRole] = useState<Role>(user.role)
  if (user.role !== savedRole) {
    setSavedRole(user.role)
    setRole(user.role)
  }
  const [open, setOpen] = useState<Open>(null)
  const [note, setNote] = useState<string | null>(null)
  const toggleButton = useRef<HTMLButtonElement>(null)
  const disabled = user.disabledAt !== null
  const problem = update.error ?? unlock.error
  const who = user.email

  const patch = (change: { role?: Role; disabled?: boolean }, done: string) => {
    setNote(null)
    update.mutate({ id: user.id, patch: change }, { onSuccess: () => setNote(done) })
  }
  const forgetFailures = () => {
    setNote(null)
    unlock.mutate(user.id, {
      onSuccess: ({ cleared }) =>
        setNote(`unlocked: ${plural(cleared, 'failed sign-in')} forgotten.`),
    })
  }
  const close = () => {
    setOpen(null)
    requestAnimationFrame(() => toggleButton.current?.focus())
  }

  return (
    <>
      <tr className={disabled ? 'row-disabled' : undefined}>
        <th scope="row">
          {user.email}
          {isYou ? <span className="badge">you</span> : null}
        </th>
        <td>{user.name}</td>
        <td>
          <span className="inline-edit">
            <select
              aria-label={`Role of ${who}`}
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              disabled={isYou || update.isPending}
              title={isYou ? 'You cannot change your own role' : undefined}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            {role !== user.role ? (
              <>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Save role of ${who}`}
                  disabled={update.isPending}
                  onClick={() => patch({ role }, `role changed to ${ROLE_LABELS[role]}.`)}
                >
                  Save
                </button>
                <button
                  type="button"
                  className="button button-small button-quiet"
                  onClick={() => setRole(user.role)}
                >
                  Undo
                </button>
              </>
            ) : null}
          </span>
        </td>
        <td>
          {disabled ? (
            <span className="status-badge status-off" title={formatInstant(user.disabledAt ?? '')}>
              Disabled
            </span>
          ) : (
            <span className="status-badge status-on">Active</span>
          )}
          {user.recentFailures > 0 ? (
            <span
              className="muted tone-warn"
              title="Failed sign-ins in the last 15 minutes; too many from one place hold that place back"
            >
              {' '}
              {plural(user.recentFailures, 'failed sign-in')}
            </span>
          ) : null}
        </td>
        <td className="nowrap">{formatDate(user.createdAt)}</td>
        <td className="nowrap">{user.lastLoginAt ? formatDate(user.lastLoginAt) : 'Never'}</td>
        <td className="row-actions">
          <button
            type="button"
            className="button-link"
            aria-label={`Reset password of ${who}`}
            aria-expanded={open === 'reset'}
            onClick={() => setOpen((o) => (o === 'reset' ? null : 'reset'))}
          >
            Reset password
          </button>
          {user.recentFailures > 0 ? (
            <button
              type="button"
              className="button-link"
              aria-label={`Unlock ${who}`}
              disabled={unlock.isPending}
              onClick={forgetFailures}
            >
              {unlock.isPending ? 'Unlocking…' : 'Unlock'}
            </button>
          ) : null}
          {isYou ? null : (
            <button
              ref={toggleButton}
              type="button"
              className={disabled ? 'button-link' : 'button-link tone-bad'}
              aria-label={`${disabled ? 'Enable' : 'Disable'} ${who}`}
              aria-expanded={open === 'toggle'}
              disabled={update.isPending}
              onClick={() => setOpen((o) => (o === 'toggle' ? null : 'toggle'))}
            >
              {disabled ? 'Enable' : 'Disable'}
            </button>
          )}
        </td>
      </tr>
      {open === 'reset' ? (
        <tr className="row-extra">
          <td colSpan={COLUMNS}>
            <ResetPassword
              user={user}
              onDone={(message) => {
                setOpen(null)
                setNote(message)
              }}
            />
          </td>
        </tr>
      ) : null}
      {open === 'toggle' ? (
        <tr className="row-extra">
          <td colSpan={COLUMNS}>
            <Confirm
              question={
                disabled
                  ? `Enable ${who}? They can sign in again.`
                  : `Disable ${who}? They are signed out everywhere at once and cannot sign in.`
              }
              confirmLabel={disabled ? 'Enable' : 'Disable'}
              danger={!disabled}
              onCancel={close}
              onConfirm={() => {
                setOpen(null)
                if (disabled) patch({ disabled: false }, 'enabled: they can sign in again.')
                else patch({ disabled: true }, 'disabled and signed out everywhere.')
              }}
            />
          </td>
        </tr>
      ) : null}
      {problem || note ? (
        <tr className="row-extra">
          <td colSpan={COLUMNS}>
            {problem ? (
              <p className="form-error" role="alert">
                {who}: {adminProblem(problem)}
              </p>
            ) : (
              <p className="form-success" role="status">
                {who}: {note}
              </p>
            )}
          </td>
        </tr>
      ) : null}
    </>
  )
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`
