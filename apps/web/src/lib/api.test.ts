import { expect, test, vi } from 'vitest'
import { api, ApiError, fetchJson, isRetryable } from './api.ts'

const stub = (res: Response) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(res)),
  )

test('returns the body of a 2xx answer', async () => {
  stub(Response.json({ services: { total: 3 } }))
  const body = await fetchJson(api.overview.$get({ query: {} }))
  expect(body.services.total).toBe(3)
})

test('turns the error envelope into an ApiError', async () => {
  stub(
    Response.json(
      { error: { code: 'invalid_range', message: '`from` must be before `to`' } },
      { status: 400 },
    ),
  )
  const err = await fetchJson(api.overview.$get({ query: {} })).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(ApiError)
  expect(err).toMatchObject({
    status: 400,
    code: 'invalid_range',
    message: '`from` must be before `to`',
  })
  expect(isRetryable(err)).toBe(false)
})

test('an answer without an envelope still says what happened', async () => {
  stub(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }))
  const err = await fetchJson(api.overview.$get({ query: {} })).catch((e: unknown) => e)
  expect(err).toMatchObject({
    status: 502,
    code: 'http_502',
    message: 'The server answered 502 Bad Gateway.',
  })
  expect(isRetryable(err)).toBe(true)
})
