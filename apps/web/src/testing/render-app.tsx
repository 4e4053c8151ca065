import { render } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { vi } from 'vitest'
import { createOpsdeck } from '../app/create-opsdeck.ts'
import { Providers } from '../app/providers.tsx'
import { preloadPages } from '../app/routes.tsx'

// Pages are lazy chunks in the app; fetched here once per test file, a route renders as soon as
// its data does, and a test's waits are for the data, not for Vite compiling a page.
await preloadPages()

/** Renders the whole app (shell, routes, providers) at a URL, with a fresh QueryClient. */
export function renderApp(path = '/') {
  const { router, client } = createOpsdeck(
    (routes) => createMemoryRouter(routes, { initialEntries: [path] }),
    { retry: false },
  )
  const user = userEvent.setup()
  render(
    <Providers client={client}>
      <RouterProvider router={router} />
    </Providers>,
  )
  return { router, user, client }
}

export interface StubRequest {
  method: string
  url: URL
  body: unknown
}

export type Reply =
  | { status?: number; body?: unknown; headers?: Record<string, string> }
  | ((request: StubRequest) => Reply | Promise<Reply> | Promise<never>)

/**
 * Replaces global fetch with a fake API: `{ 'GET /auth/me': reply }`, paths under /api/v1, `:id`
 * matching one segment. A list of replies is used in turn (the last one repeats). Anything not
 * listed answers 404, so a test sees a request it did not expect.
 */
export function stubApi(routes: Record<string, Reply | Reply[]>) {
  const table = Object.entries(routes).map(([key, replies]) => {
    const [method, path] = key.split(' ') as [string, string]
    const pattern = new RegExp(`^/api/v1${path.replace(/:[^/]+/g, '[^/]+')}$`)
    return { method, pattern, replies: Array.isArray(replies) ? replies : [replies], calls: 0 }
  })
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = toStubRequest(input, init)
    const route = table.find(
      (r) => r.method === request.method && r.pattern.test(request.url.pathname),
    )
    if (!route) {
      const message = `No stub for ${request.method} ${request.url.pathname}`
      return Response.json({ error: { code: 'not_found', message } }, { status: 404 })
    }
    let reply = route.replies[Math.min(route.calls++, route.replies.length - 1)] as Reply
    while (typeof reply === 'function') reply = await reply(request)
    const status = reply.status ?? 200
    if (status === 204) return new Response(null, { status, headers: reply.headers })
    return Response.json(reply.body ?? null, { status, headers: reply.headers })
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

function toStubRequest(input: RequestInfo | URL, init?: RequestInit): StubRequest {
  const url = new URL(input instanceof Request ? input.url : input, 'http://localhost')
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
  const raw = init?.body
  let body: unknown = raw ?? null
  if (typeof raw === 'string') {
    try {
      body = JSON.parse(raw)
    } catch {
      body = raw
    }
  }
  return { method, url, body }
}

/** The requests the app made, in order: method, parsed URL and JSON body. */
export const requests = (fetch: ReturnType<typeof stubApi>) =>
  fetch.mock.calls.map(([input, init]) => toStubRequest(input, init))

/** The URLs the app requested for one API path (e.g. '/overview'), parsed, in order. */
export const requestedUrls = (fetch: ReturnType<typeof stubApi>, path?: string) =>
  requests(fetch)
    .map((r) => r.url)
    .filter((u) => !path || u.pathname === `/api/v1${path}`)
