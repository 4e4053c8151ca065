import { ApiError } from '../../lib/api.ts'

/**
 * What the sign-in form says when it fails. The API's message is shown as it is (it never says
 * whether the email exists); a rate limit without a time in its message gets one from Retry-After.
 */
export function signInProblem(err: unknown): string {
  if (!(err instanceof ApiError)) return 'Something went wrong. Please try again.'
  if (err.status === 429 && !/try again/i.test(err.message) && err.retryAfter !== undefined) {
    return `${err.message.replace(/\.?$/, '.')} Try again in ${waitFor(err.retryAfter)}.`
  }
  return err.message
}

/** Seconds as the wait a person reads: `45 seconds`, `1 minute`, `15 minutes`. */
export function waitFor(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${Math.max(1, seconds)} seconds`
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}
