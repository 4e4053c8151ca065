import { TOKEN_SCOPE_SUMMARIES, TOKEN_SCOPES } from '@opsdeck/contract'
import { type FormEvent, useId, useState } from 'react'
import { Field } from '../../../components/ui/field.tsx'
import { type NewToken, useCreateToken } from '../queries.ts'
import { adminProblem } from '../transform.ts'
import { TokenReveal } from './token-reveal.tsx'

type Scope = NewToken['scopes'][number]

/** The form, then, once created, the token's one and only showing in its place. */
export function CreateTokenForm({ onClose }: { onClose: () => void }) {
  const id = useId()
  const create = useCreateToken()
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<Scope[]>(['read'])
  const [problem, setProblem] = useState<string | null>(null)

  if (create.data) {
    return (
      <TokenReveal
        token={create.data}
        onDone={() => {
          create.reset()
          onClose()
        }}
      />
    )
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const issue = scopes.length === 0 ? 'Choose at least one scope' : null
    setProblem(issue)
    if (!issue) create.mutate({ name: name.trim(), scopes })
  }
  const toggle = (scope: Scope, on: boolean) =>
    setScopes((s) => (on ? [...s, scope] : s.filter((x) => x !== scope)))

  return (
    <form className="panel grid-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Create an API token</h3>
      <Field
        label="Name"
        hint="Say what uses it, so it can be revoked knowingly: “uptime prober (eu-west)”."
        required
        autoFocus
        autoComplete="off"
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <fieldset className="field" aria-describedby={problem ? `${id}-scopes-problem` : undefined}>
        <legend>Scopes</legend>
        {TOKEN_SCOPES.map((scope) => (
          <label key={scope} className="check">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.target.checked)}
            />
            <span>
              <strong>{scope}</strong> <span className="muted">{TOKEN_SCOPE_SUMMARIES[scope]}</span>
            </span>
          </label>
        ))}
        {problem ? (
          <p className="field-problem" id={`${id}-scopes-problem`}>
            {problem}
          </p>
        ) : null}
      </fieldset>
      {create.error ? (
        <p className="form-error" role="alert">
          {adminProblem(create.error)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  )
}
