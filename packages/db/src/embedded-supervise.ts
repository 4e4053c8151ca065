import type { ChildProcess } from 'node:child_process'
import { hasExited, type Postmaster } from './embedded-postmaster.ts'

export interface SuperviseOptions {
  log: (line: string) => void
  onFatal: (err: Error) => void
  /** Waits before each restart attempt; after the last one fails, onFatal. */
  delaysMs: readonly number[]
}

// A server that stayed up this long had recovered: a later crash starts the back-off afresh,
// while one that keeps dying soon after each start uses up the attempts.
const STABLE_MS = 30_000

/**
 * Watches the postmaster and, when it exits without our stop(), starts it again with back-off:
 * one log line per attempt, onFatal once the attempts are used up. Never leaves the app up in
 * front of a server that is gone for good.
 */
export function supervise(
  postmaster: Postmaster,
  first: ChildProcess,
  opts: SuperviseOptions,
): { stop: () => Promise<void> } {
  let stopping = false
  let attempt = 0
  let restarting: Promise<void> = Promise.resolve()
  let wake = () => {}

  const watch = (child: ChildProcess) => {
    const upSince = Date.now()
    const exited = () => {
      if (stopping) return
      postmaster.forget()
      if (Date.now() - upSince >= STABLE_MS) attempt = 0
      const how = child.signalCode ?? `code ${child.exitCode}`
      restarting = restart(`exited unexpectedly (${how})`)
    }
    if (hasExited(child)) exited()
    else child.once('exit', exited)
  }

  const restart = async (why: string): Promise<void> => {
    const attempts = opts.delaysMs.length
    let reason = why
    while (attempt < attempts) {
      const delay = opts.delaysMs[attempt++]!
      opts.log(
        `embedded PostgreSQL ${reason}: restart attempt ${attempt} of ${attempts} ` +
          `in ${delay / 1000} s`,
      )
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      if (stopping) return
      try {
        const child = await postmaster.start()
        // A stop() that came meanwhile waits for this, then stops the new server.
        if (stopping) return
        opts.log(`embedded PostgreSQL restarted (attempt ${attempt} of ${attempts})`)
        watch(child)
        return
      } catch (err) {
        if (stopping) return
        reason = `did not restart (${(err as Error).message})`
      }
    }
    stopping = true
    try {
      opts.onFatal(
        new Error(`embedded PostgreSQL ${reason}; giving up after ${attempts} restart attempts`),
      )
    } catch (err) {
      console.error(err)
    }
  }

  watch(first)
  return {
    stop: async () => {
      stopping = true
      wake()
      await restarting
      await postmaster.stop()
    },
  }
}
