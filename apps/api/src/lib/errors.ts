import type { ErrorBody, ErrorCode } from '@opsdeck/contract'

/** The one error envelope, `{ error: { code, message, details? } }`; codes in @opsdeck/contract. */
export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } }
}
