import { MIN_PASSWORD_LENGTH } from '@opsdeck/contract'
import { type FormEvent, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { newPasswordProblem } from '../../../lib/password-rules.ts'
import { type AdminUser, useResetPassword } from '../queries.ts'
import { adminProblem } from '../transform.ts'

/** An admin sets someone's password; the API signs them out everywhere. */
export function ResetPassword({
  user,
  onDone,
}: {
  user: AdminUser
  onDone: (message: string | null) => void
}) {
  const reset = useResetPassword()
  const [password, setPassword] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const issue = newPasswordProblem(password)
    setProblem(issue)
    if (issue) return
    reset.mutate(
      { id: user.id, password },
      { onSuccess: () => onDone('password set; their sessions were signed out.') },
    )
  }
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      noValidate
      aria-label={`Reset password of ${user.email}`}
    >
      <Field
        label={`New password for ${user.email}`}
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        autoFocus
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        problem={problem ?? (reset.error ? adminProblem(reset.error) : undefined)}
        hint="At least 12 characters. Tell them privately; they are signed out everywhere."
      />
      <div className="form-actions">
        <button type="submit" className="button button-small" disabled={reset.isPending}>
          {reset.isPending ? 'Setting…' : 'Set password'}
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => onDone(null)}
        >
          Cancel
        </button>
      </div>
    </form>
  )
}
