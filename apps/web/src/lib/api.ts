import type { AppType } from '@opsdeck/api'
import type { ErrorCode } from '@opsdeck/contract'
import { type ClientResponse, hc } from 'hono/client'
import type { StatusCode, SuccessStatusCode } from 'hono/utils/http-status'

// The one typed client: routes and response bodies come from the API's own types (AppType).
export const api = hc<AppType>('/api/v1')

/** The API's error codes, `network` when it could not be reached, `http_<status>` without an envelope. */
export type ErrorKind = ErrorCode | 'network' | `http_${number}`

/** A failed request, carrying the API's error envelope `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorKind
  readonly details: unknown
  /** Seconds from a `Retry-After` header (429, 503), when the server sent one. */
  readonly retryAfter: number | undefined
  constructor(
    status: number,
    code: ErrorKind,
    message: string,
    details?: unknown,
    retryAfter?: number,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
    this.retryAfter = retryAfter
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

/** For calls answered with no body (204): resolves when 2xx, else throws like `fetchJson`. */
export async function fetchOk(request: Promise<AnyResponse> | AnyResponse): Promise<void> {
  let res: AnyResponse
  try {
    res = await request
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError(0, 'network', 'Could not reach the server. Check your connection.')
  }
  if (!res.ok) throw await errorFrom(res)
}

type AnyResponse = Pick<Response, 'ok' | 'status' | 'statusText' | 'headers' | 'json'>

async function errorFrom(res: AnyResponse): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null)
  const envelope = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } })
    ?.error
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'))
  if (envelope && typeof envelope.code === 'string') {
    // The API sends only contract codes; one it added since this page loaded is still shown.
    const code = envelope.code as ErrorCode
    const message =
      typeof envelope.message === 'string' && envelope.message
        ? envelope.message
        : plainMessage(res.status, code)
    return new ApiError(res.status, code, message, envelope.details, retryAfter)
  }
  const reason = res.statusText ? ` ${res.statusText}` : ''
  return new ApiError(
    res.status,
    `http_${res.status}`,
    `The server answered ${res.status}${reason}.`,
    undefined,
    retryAfter,
  )
}

// Some envelopes carry only a code (the contract allows `{ error: { code } }`): say it in words.
function plainMessage(status: number, code: string): string {
  if (status === 401) return 'You are not signed in.'
  if (status === 403) return 'You do not have permission to do this.'
  return `The server refused the request (${code.replaceAll('_', ' ')}).`
}

/** `Retry-After` as seconds: either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

/** Client errors will not go away by asking again; server and network errors might. */
export const isRetryable = (err: unknown) =>
  !(err instanceof ApiError) || err.status === 0 || err.status >= 500 || err.status === 429
