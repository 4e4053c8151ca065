// Why a connection or request failed, in words a manager can act on. Node reports the cause as a
// code on the error (net), on its `cause` (fetch), or on the first of several (happy eyeballs).

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA'])
const TLS_CODE = /CERT|^ERR_TLS_|^ERR_SSL_|SSL/
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])

import { TARGET_REFUSED } from './target-policy.ts'

export interface Target {
  host: string
  port: number | null
  timeoutMs: number
}

/** A one-line reason for a failed check. `timedOut` is the check's own deadline having passed. */
export function describeFailure(err: unknown, target: Target, timedOut: boolean): string {
  if (timedOut) return `timed out after ${target.timeoutMs} ms`
  const { code, message } = causeOf(err)
  // Already a sentence a manager can act on (and its ';' is not Node's advice).
  if (code === TARGET_REFUSED) return message
  const where = target.port === null ? target.host : `${target.host}:${target.port}`
  if (code === 'ECONNREFUSED') return `connection refused by ${where}`
  if (code !== undefined && DNS_CODES.has(code))
    return `DNS lookup failed for ${target.host} (${code})`
  if (code !== undefined && TLS_CODE.test(code)) return `TLS error: ${plain(message)} (${code})`
  if (code !== undefined && TIMEOUT_CODES.has(code))
    return `timed out connecting to ${where} (${code})`
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return `connection closed by ${where} before a response (${code})`
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `${where} unreachable (${code})`
  const why = plain(message)
  return code === undefined ? `request failed: ${why}` : `request failed: ${why} (${code})`
}

// OpenSSL's "…:error:0A00010B:SSL routines:fn:wrong version number:file:77:" becomes its reason;
// Node's advice after a ';' ("try running Node.js with --use-system-ca") is dropped.
const OPENSSL = /^[0-9A-F]+:error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):/
function plain(message: string): string {
  const reason = OPENSSL.exec(message)?.[1] ?? message.split(';')[0] ?? message
  return reason.replace(/\s+/g, ' ').trim()
}

function causeOf(err: unknown): { code: string | undefined; message: string } {
  let e: unknown = err
  // fetch wraps the socket's error: TypeError('fetch failed', { cause })
  if (e instanceof TypeError && e.cause !== undefined) e = e.cause
  if (e instanceof AggregateError && e.errors.length > 0 && !codeOf(e)) e = e.errors[0]
  const message = e instanceof Error ? e.message : String(e)
  return { code: codeOf(e), message }
}

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}
