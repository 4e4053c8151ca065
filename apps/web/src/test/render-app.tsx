import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { vi } from 'vitest'
import { Providers } from '../app/providers.tsx'
import { routes } from '../app/routes.tsx'

/** Renders the whole app (shell, routes, providers) at a URL, with a fresh QueryClient. */
export function renderApp(path = '/') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const user = userEvent.setup()
  render(
    <Providers client={client}>
      <RouterProvider router={router} />
    </Providers>,
  )
  return { router, user, client }
}

type Reply = { status?: number; body: unknown } | (() => Promise<never>)

/** Replaces global fetch: each call gets the next reply (the last one repeats). */
export function stubFetch(...replies: Reply[]) {
  let call = 0
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const reply = replies[Math.min(call++, replies.length - 1)]
    if (!reply) throw new Error('stubFetch: no reply given')
    if (typeof reply === 'function') return reply()
    return Response.json(reply.body, { status: reply.status ?? 200 })
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

/** The URLs the app requested, parsed, in order. */
export const requestedUrls = (fetch: ReturnType<typeof stubFetch>) =>
  fetch.mock.calls.map(
    ([input]) => new URL(input instanceof Request ? input.url : input, 'http://localhost'),
  )
