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
