import { MIN_PASSWORD_LENGTH, ROLE_LABELS, ROLE_SUMMARIES } from '@opsdeck/contract'
import { type FormEvent, useState } from 'react'
import { Field } from '../../components/ui/field.tsx'
import { ApiError } from '../../lib/api.ts'
import { type PasswordForm, passwordProblems } from '../../lib/password-rules.ts'
import { useChangePassword, useMe } from './queries.ts'

const EMPTY: PasswordForm = { current: '', next: '', confirm: '' }

export function AccountPage() {
  const me = useMe()
  return (
    <div className="page narrow">
      <title>Your account · opsdeck</title>
      <h1>Your account</h1>
      {me ? (
        <dl className="details">
          <dt>Name</dt>
          <dd>{me.name}</dd>
          <dt>Email</dt>
          <dd>{me.email}</dd>
          <dt>Role</dt>
          <dd>
            <span className={`role-badge role-${me.role}`}>{ROLE_LABELS[me.role]}</span>{' '}
            <span className="muted">{ROLE_SUMMARIES[me.role]}</span>
          </dd>
        </dl>
      ) : null}
      <ChangePassword />
    </div>
  )
}

function ChangePassword() {
  const change = useChangePassword()
  const [form, setForm] = useState(EMPTY)
  const [shown, setShown] = useState<ReturnType<typeof passwordProblems>>({})
  const [done, setDone] = useState(false)
  const set = (key: keyof PasswordForm) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [key]: e.target.value }))
    setDone(false)
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const problems = passwordProblems(form)
    setShown(problems)
    if (Object.keys(problems).length > 0) return
    change.mutate(
      { currentPassword: form.current, newPassword: form.next },
      {
        onSuccess: () => {
          setForm(EMPTY)
          setDone(true)
        },
      },
    )
  }

  const wrongPassword = change.error instanceof ApiError && change.error.code === 'wrong_password'
  return (
    <section className="panel" aria-labelledby="change-password">
      <h2 id="change-password">Change password</h2>
      <form className="stack-form" onSubmit={submit} noValidate aria-label="Change password">
        {/* Lets password managers tie the new password to this account. */}
        <input type="text" name="username" autoComplete="username" value="" hidden readOnly />
        <Field
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={form.current}
          onChange={set('current')}
          problem={
            shown.current ?? (wrongPassword ? 'This is not your current password' : undefined)
          }
        />
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.`}
          value={form.next}
          onChange={set('next')}
          problem={shown.next}
        />
        <Field
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={form.confirm}
          onChange={set('confirm')}
          problem={shown.confirm}
        />
        {change.error ? (
          <p className="form-error" role="alert">
            {change.error.message}
          </p>
        ) : null}
        <p role="status" className="form-success">
          {done ? 'Password changed. Your other sessions have been signed out.' : ''}
        </p>
        <div>
          <button type="submit" className="button" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  )
}
