import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import { QueryErrorState } from '../../components/ui/states.tsx'
import { ApiError } from '../../lib/api.ts'
import { authQueries } from './queries.ts'
import { loginPath } from './redirects.ts'

/** Renders its children only for a signed-in person; anyone else is sent to sign in and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const here = useLocation()
  const me = useQuery(authQueries.me())
  if (me.isPending) return <SessionCheck />
  const unauthenticated =
    (me.error instanceof ApiError && me.error.status === 401) || me.data?.via === 'token'
  if (unauthenticated) return <Navigate to={loginPath(here)} replace />
  if (me.error) {
    return (
      <div className="auth-screen">
        <div className="auth-card">
          <QueryErrorState title="Could not check your session" query={me} />
        </div>
      </div>
    )
  }
  return children
}

// Usually gone in a blink: no spinner, just the brand and a quiet line for screen readers.
function SessionCheck() {
  return (
    <div className="auth-screen session-check" aria-busy="true">
      <p role="status" className="muted">
        Loading opsdeck…
      </p>
    </div>
  )
}
