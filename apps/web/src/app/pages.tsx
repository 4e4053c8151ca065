import { isRouteErrorResponse, Link, useLocation, useRouteError } from 'react-router'
import { ErrorState } from '../components/ui/states.tsx'

/** The sections not built yet: say so plainly and point back to what works. */
export function ComingSoon({ title, about }: { title: string; about: string }) {
  const { search } = useLocation()
  return (
    <div className="page narrow">
      <title>{`${title} · opsdeck`}</title>
      <h1>{title}</h1>
      <div className="state state-empty">
        <h2>Coming soon</h2>
        <p>{about}</p>
        <p>
          Meanwhile, the <Link to={{ pathname: '/', search }}>Overview</Link> has the headline
          figures for this area.
        </p>
      </div>
    </div>
  )
}

export function NotFound() {
  const { search } = useLocation()
  return (
    <div className="page narrow">
      <title>Page not found · opsdeck</title>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to={{ pathname: '/', search }}>Go to the Overview</Link>
      </p>
    </div>
  )
}

/** A signed-in person on a page their role does not open (an admin page for a viewer, say). */
export function NoAccess({ who = 'opsdeck admins' }: { who?: string }) {
  return (
    <div className="page narrow">
      <title>No access · opsdeck</title>
      <h1>You don’t have access to this page</h1>
      <p>It is for {who}. If you need it for your work, ask an admin to change your role.</p>
      <p>
        <Link to="/">Go to the Overview</Link>
      </p>
    </div>
  )
}

/** Last resort for render errors in a route; the shell's nav may itself be what failed. */
export function RouteError() {
  const error = useRouteError()
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error'
  return (
    <div className="page narrow">
      <ErrorState
        title="Something went wrong on this page"
        message={message}
        onRetry={() => window.location.reload()}
      />
    </div>
  )
}
