import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

// The one error envelope: { error: { code, message, details? } }.
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } }
}

/** Thrown for expected failures deep in a handler; `onError` turns it into the envelope. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode
  readonly code: string
  readonly details: unknown
  constructor(status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
    super(message)
    this.status = status
    this.code = code
    this.details = details
  }
}

export function sendError(c: Context, err: ApiError) {
  return c.json(errorBody(err.code, err.message, err.details), err.status)
}
