import { render } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { Providers } from '../app/providers.tsx'
import { createQueryClient } from '../lib/query-client.ts'

/**
 * Renders one part of a page on its own at a URL (`route` its path pattern), with a fresh
 * QueryClient and no shell: for a component before, or apart from, the page that composes it.
 */
export function renderPart(ui: ReactNode, path: string, route = path) {
  const client = createQueryClient({ retry: false })
  const router = createMemoryRouter([{ path: route, element: ui }], { initialEntries: [path] })
  const user = userEvent.setup()
  render(
    <Providers client={client}>
      <RouterProvider router={router} />
    </Providers>,
  )
  return { router, user, client }
}
