import { ApiError } from '../../lib/api.ts'

const TRY_AGAIN_IN = /try again in [^.;]*/i

/**
 * What the sign-in form says when it fails. The API's message is shown as it is (it never says
 * whether the email exists), except that a rate limit's wait is told from Retry-After, the exact
 * figure, in seconds when under a minute.
 */
export function signInProblem(err: unknown): string {
  if (!(err instanceof ApiError)) return 'Something went wrong. Please try again.'
  if (err.status === 429 && err.retryAfter !== undefined) {
    const wait = waitFor(err.retryAfter)
    if (TRY_AGAIN_IN.test(err.message)) {
      return err.message.replace(TRY_AGAIN_IN, (said) => `${said.slice(0, 13)}${wait}`)
    }
    if (!/try again/i.test(err.message)) {
      return `${err.message.replace(/\.?$/, '.')} Try again in ${wait}.`
    }
  }
  return err.message
}

/** Seconds as the wait a person reads: `45 seconds`, `1 minute`, `15 minutes`. */
export function waitFor(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${Math.max(1, seconds)} seconds`
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}
