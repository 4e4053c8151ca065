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

// Connection-level failures mean the database is unavailable, not that the request was bad.
export function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: string }).code
  const msg = err instanceof Error ? err.message : ''
  return (
    code === 'ECONNREFUSED' ||
    code === 'ENOTFOUND' ||
    code === 'ETIMEDOUT' ||
    code === '57P01' || // admin_shutdown
    code === '57P03' || // cannot_connect_now
    /timeout exceeded when trying to connect|Connection terminated/i.test(msg)
  )
}
