export interface ScheduledJob {
  /** Stops the timer and resolves once a run in progress has finished. */
  stop: () => Promise<void>
}

/**
 * Runs `task` now and then every `intervalMs`. A tick that finds the previous run still going is
 * skipped, so runs never overlap; a failure goes to `onError` and the next tick runs as usual.
 */
export function every(
  intervalMs: number,
  task: () => Promise<void>,
  onError: (err: unknown) => void,
): ScheduledJob {
  let running: Promise<void> | undefined
  const tick = () => {
    if (running) return
    running = Promise.resolve()
      .then(task)
      .catch((err: unknown) => {
        try {
          onError(err)
        } catch {
          // A failing error handler must not take the process down either.
        }
      })
      .finally(() => {
        running = undefined
      })
  }
  tick()
  const timer = setInterval(tick, intervalMs)
  return {
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}
