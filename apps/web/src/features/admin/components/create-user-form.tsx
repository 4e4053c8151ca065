import {
  MIN_PASSWORD_LENGTH,
  type Role,
  ROLE_LABELS,
  ROLE_SUMMARIES,
  ROLES,
} from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { ApiError } from '../../../lib/api.ts'
import { newPasswordProblem } from '../../../lib/password-rules.ts'
import { useCreateUser } from '../queries.ts'
import { adminProblem } from '../transform.ts'

const BLANK = { email: '', name: '', role: 'viewer' as Role, password: '' }

export function CreateUserForm({ onDone }: { onDone: (email: string | null) => void }) {
  const id = useId()
  const create = useCreateUser()
  const [user, setUser] = useState(BLANK)
  const [passwordProblem, setPasswordProblem] = useState<string | null>(null)
  const set = (key: keyof typeof BLANK) => (e: { target: { value: string } }) =>
    setUser((u) => ({ ...u, [key]: e.target.value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const problem = newPasswordProblem(user.password)
    setPasswordProblem(problem)
    if (problem) return
    const email = user.email.trim()
    create.mutate({ ...user, email, name: user.name.trim() }, { onSuccess: () => onDone(email) })
  }

  const taken = create.error instanceof ApiError && create.error.code === 'email_taken'
  return (
    <form className="panel grid-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Add a user</h3>
      <Field
        label="Email"
        type="email"
        autoComplete="off"
        required
        autoFocus
        value={user.email}
        onChange={set('email')}
        problem={taken && create.error ? adminProblem(create.error) : undefined}
      />
      <Field label="Name" autoComplete="off" required value={user.name} onChange={set('name')} />
      <div className="field">
        <label htmlFor={`${id}-role`}>Role</label>
        <select
          id={`${id}-role`}
          value={user.role}
          onChange={set('role')}
          aria-describedby={`${id}-role-hint`}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <p className="field-hint" id={`${id}-role-hint`}>
          {ROLE_LABELS[user.role]} {ROLE_SUMMARIES[user.role]}.
        </p>
      </div>
      <Field
        label="Initial password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        hint="At least 12 characters. Give it to them privately; they can change it under their account."
        value={user.password}
        onChange={set('password')}
        problem={passwordProblem ?? undefined}
      />
      {create.error && !taken ? (
        <p className="form-error" role="alert">
          {adminProblem(create.error)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add user'}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  )
}
