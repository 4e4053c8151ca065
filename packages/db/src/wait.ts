import { isDatabaseUnavailable } from './db-errors.ts'

export interface WaitOptions {
  /** Give up after this long. */
  timeoutMs: number
  /** One line per failed attempt. */
  log: (line: string) => void
}

/**
 * Calls `check` until the database answers, with back-off (0.5 s, 1 s, then every 2 s), for up to
 * `timeoutMs`: a database that starts after the app (docker compose, systemd) is not missed.
 * Errors that waiting cannot fix (a wrong password, no such database) are thrown at once.
 */
export async function waitForDatabase(
  check: () => Promise<unknown>,
  { timeoutMs, log }: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (let attempt = 1, delay = 500; ; attempt++, delay = Math.min(delay * 2, 2_000)) {
    try {
      await check()
      return
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err
      const left = deadline - Date.now()
      if (left <= 0) throw err
      const wait = Math.min(delay, left)
      log(
        `database not answering yet (${messageOf(err)}): attempt ${attempt}, ` +
          `next in ${(wait / 1000).toFixed(1)} s, giving up ${Math.ceil(left / 1000)} s from now`,
      )
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
}

function messageOf(err: unknown): string {
  if (err instanceof AggregateError) return err.errors.map(messageOf).join(', ')
  return err instanceof Error ? err.message : String(err)
}
