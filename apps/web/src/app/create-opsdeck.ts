import type { DataRouter, RouteObject } from 'react-router'
import { LOGIN_PATH, loginPath } from '../features/auth/redirects.ts'
import { createQueryClient } from '../lib/query-client.ts'
import { routes } from './routes.tsx'

/**
 * The router and the query client, wired so that a 401 from any API call (an ended session) sends
 * the person to sign in and, afterwards, back to where they were. Tests pass a memory router.
 */
export function createOpsdeck(
  makeRouter: (routes: RouteObject[]) => DataRouter,
  options: { retry?: boolean } = {},
) {
  const router = makeRouter(routes)
  const client = createQueryClient({
    ...options,
    onUnauthenticated: () => {
      const here = router.state.location
      // Several calls fail together when a session ends: the first one navigates.
      if (here.pathname === LOGIN_PATH) return
      void router.navigate(loginPath(here), { replace: true })
    },
  })
  return { router, client }
}
