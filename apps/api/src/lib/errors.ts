import type { ErrorBody, ErrorCode } from '@opsdeck/contract'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** The one error envelope, `{ error: { code, message, details? } }`; codes in @opsdeck/contract. */
export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } }
}

/** Thrown for expected failures deep in a handler; `onError` turns it into the envelope. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode
  readonly code: ErrorCode
  readonly details: unknown
  /** Seconds for a Retry-After header (a 429 or 503 the client may retry). */
  readonly retryAfter: number | undefined
  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    details?: unknown,
    retryAfter?: number,
  ) {
    super(message)
    this.status = status
    this.code = code
    this.details = details
    this.retryAfter = retryAfter
  }
}

export function sendError(c: Context, err: ApiError) {
  if (err.retryAfter !== undefined) c.header('Retry-After', String(err.retryAfter))
  return c.json(errorBody(err.code, err.message, err.details), err.status)
}
