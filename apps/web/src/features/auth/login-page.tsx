import { type FormEvent, useRef, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { Field } from '../../components/ui/field.tsx'
import { useForgetSession, useLogin } from './queries.ts'
import { safeNext } from './redirects.ts'
import { signInProblem } from './sign-in-problem.ts'

export function LoginPage() {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const passwordInput = useRef<HTMLInputElement>(null)
  const login = useLogin()
  useForgetSession()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (login.isPending) return
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => void navigate(next, { replace: true }),
        onError: () => {
          setPassword('')
          passwordInput.current?.focus()
        },
      },
    )
  }

  return (
    <div className="auth-screen">
      <title>Sign in · opsdeck</title>
      <main className="auth-card" id="main">
        <p className="brand auth-brand">
          <svg viewBox="0 0 16 16" width="24" height="24" aria-hidden="true">
            <rect width="16" height="16" rx="3" fill="var(--accent)" />
            <path d="M3 11h2V7H3zm4 0h2V4H7zm4 0h2V8h-2z" fill="var(--accent-contrast)" />
          </svg>
          opsdeck
        </p>
        <h1>Sign in</h1>
        <form className="stack-form" onSubmit={submit} aria-label="Sign in">
          {login.error ? (
            <p className="form-error" role="alert">
              {signInProblem(login.error)}
            </p>
          ) : null}
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Field
            ref={passwordInput}
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="button button-wide" disabled={login.isPending}>
            {login.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="muted small auth-foot">
          Forgotten your password? Ask an opsdeck admin to reset it.
        </p>
      </main>
    </div>
  )
}
