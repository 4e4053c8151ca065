import { QueryObserver } from '@tanstack/react-query'
import { expect, test, vi } from 'vitest'
import { ApiError } from './api.ts'
import { createQueryClient } from './query-client.ts'

const fail = (status: number) => () =>
  Promise.reject(new ApiError(status, status === 401 ? 'unauthenticated' : 'forbidden', 'no'))

test('a 401 from any query or mutation reports the ended session; other errors do not', async () => {
  const onUnauthenticated = vi.fn()
  const client = createQueryClient({ onUnauthenticated, retry: false })

  await client.fetchQuery({ queryKey: ['a'], queryFn: fail(403) }).catch(() => {})
  expect(onUnauthenticated).not.toHaveBeenCalled()

  await client.fetchQuery({ queryKey: ['b'], queryFn: fail(401) }).catch(() => {})
  expect(onUnauthenticated).toHaveBeenCalledTimes(1)

  const mutation = client.getMutationCache().build(client, { mutationFn: fail(401) })
  await mutation.execute(undefined).catch(() => {})
  expect(onUnauthenticated).toHaveBeenCalledTimes(2)
})

test('a call that owns its 401 (sign-in, the session check) is left to handle it', async () => {
  const onUnauthenticated = vi.fn()
  const client = createQueryClient({ onUnauthenticated, retry: false })
  await client
    .fetchQuery({ queryKey: ['me'], queryFn: fail(401), meta: { ownsUnauthenticated: true } })
    .catch(() => {})
  const login = client
    .getMutationCache()
    .build(client, { mutationFn: fail(401), meta: { ownsUnauthenticated: true } })
  await login.execute(undefined).catch(() => {})
  expect(onUnauthenticated).not.toHaveBeenCalled()
})

test('client errors are not retried; server errors are, twice', async () => {
  const client = createQueryClient()
  const queryFn = vi.fn(fail(403))
  await client.fetchQuery({ queryKey: ['c'], queryFn, retryDelay: 0 }).catch(() => {})
  expect(queryFn).toHaveBeenCalledTimes(1)
  const flaky = vi.fn(() => Promise.reject(new ApiError(503, 'database_unavailable', 'down')))
  await client.fetchQuery({ queryKey: ['d'], queryFn: flaky, retryDelay: 0 }).catch(() => {})
  expect(flaky).toHaveBeenCalledTimes(3)
})

test('a mutation invalidates the key prefixes it declares, and only those, before it settles', async () => {
  const client = createQueryClient({ retry: false })
  const fetched = { capacity: 0, incidents: 0, services: 0 }
  const count = (area: keyof typeof fetched) => () => ++fetched[area]
  // Observed queries (on screen) are fetched again on invalidation.
  const stop = (['capacity', 'incidents', 'services'] as const).map((area) =>
    new QueryObserver(client, {
      queryKey: [area, 'summary'],
      queryFn: count(area),
    }).subscribe(() => {}),
  )
  await vi.waitFor(() => expect(fetched).toEqual({ capacity: 1, incidents: 1, services: 1 }))
  // One not on screen: only marked stale, fetched when next shown.
  await client.fetchQuery({ queryKey: ['capacity', 'people'], queryFn: () => 'people' })

  const write = client.getMutationCache().build(client, {
    mutationFn: () => Promise.resolve('saved'),
    meta: { invalidates: [['incidents'], ['capacity']] },
  })
  await write.execute(undefined)
  // By the time the write resolves, the areas it changed have been fetched again.
  expect(fetched).toEqual({ capacity: 2, incidents: 2, services: 1 })
  expect(client.getQueryState(['capacity', 'people'])?.isInvalidated).toBe(true)
  expect(client.getQueryState(['services', 'summary'])?.isInvalidated).toBe(false)

  const failed = client.getMutationCache().build(client, {
    mutationFn: () => Promise.reject(new ApiError(409, 'email_taken', 'no')),
    meta: { invalidates: [['services']] },
  })
  await failed.execute(undefined).catch(() => {})
  expect(client.getQueryState(['services', 'summary'])?.isInvalidated).toBe(false)
  stop.forEach((unsubscribe) => unsubscribe())
})
