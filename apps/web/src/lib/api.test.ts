import { expect, test, vi } from 'vitest'
import { api, ApiError, fetchJson, fetchOk, isRetryable, parseRetryAfter } from './api.ts'

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

test('an envelope with only a code still gets words, and Retry-After is kept', async () => {
  stub(
    Response.json(
      { error: { code: 'rate_limited' } },
      { status: 429, headers: { 'Retry-After': '120' } },
    ),
  )
  const err = await fetchJson(api.overview.$get({ query: {} })).catch((e: unknown) => e)
  expect(err).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 120 })
  expect((err as Error).message).toMatch(/rate limited/)
})

test('fetchOk resolves on 204 and throws the envelope otherwise', async () => {
  stub(new Response(null, { status: 204 }))
  await expect(fetchOk(fetch('/api/v1/auth/logout'))).resolves.toBeUndefined()
  stub(Response.json({ error: { code: 'forbidden', message: 'Admins only' } }, { status: 403 }))
  await expect(fetchOk(fetch('/api/v1/tokens/1'))).rejects.toMatchObject({
    status: 403,
    message: 'Admins only',
  })
})

test('Retry-After may be seconds or a date', () => {
  const now = Date.parse('2026-11-27T12:00:00Z')
  expect(parseRetryAfter('90', now)).toBe(90)
  expect(parseRetryAfter('Fri, 27 Nov 2026 12:05:00 GMT', now)).toBe(300)
  expect(parseRetryAfter('soon', now)).toBeUndefined()
  expect(parseRetryAfter(null, now)).toBeUndefined()
})
