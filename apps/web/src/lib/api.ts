import type { AppType } from '@opsdeck/api'
import { type ClientResponse, hc } from 'hono/client'
import type { StatusCode, SuccessStatusCode } from 'hono/utils/http-status'

// The one typed client: routes and response bodies come from the API's own types (AppType).
export const api = hc<AppType>('/api/v1')

/** A failed request, carrying the API's error envelope `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: unknown
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, 'json'>
    ? S extends SuccessStatusCode
      ? T
      : never
    : never

/**
 * Awaits a client call and returns its 2xx JSON body; anything else becomes an ApiError with the
 * envelope's code and message, or a plain-words one when there is no envelope (proxy pages, network).
 */
export async function fetchJson<R extends ClientResponse<unknown, StatusCode, 'json'>>(
  request: Promise<R> | R,
): Promise<SuccessBody<R>> {
  let res: R
  try {
    res = await request
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection.')
  }
  if (res.ok) return (await res.json()) as SuccessBody<R>
  throw await errorFrom(res)
}

async function errorFrom(res: ClientResponse<unknown>): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null)
  const envelope = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } })
    ?.error
  if (envelope && typeof envelope.code === 'string' && typeof envelope.message === 'string') {
    return new ApiError(res.status, envelope.code, envelope.message, envelope.details)
  }
  const reason = res.statusText ? ` ${res.statusText}` : ''
  return new ApiError(
    res.status,
    `http_${res.status}`,
    `The server answered ${res.status}${reason}.`,
  )
}

/** Client errors will not go away by asking again; server and network errors might. */
export const isRetryable = (err: unknown) =>
  !(err instanceof ApiError) || err.status === 0 || err.status >= 500 || err.status === 429
