interface WorkLimits {
  /** Tasks running at once. */
  concurrency: number
  /** Tasks waiting for a turn; one more is refused at once. */
  queue: number
  /** How long a task waits for its turn before it is refused. */
  waitMs: number
}

/** What a refused task throws: the server is busy, not broken (onError: 503 overloaded). */
export class WorkRefusedError extends Error {
  override name = 'WorkRefusedError'
}

const overloaded = () => new WorkRefusedError('Too many sign-ins at once: try again shortly')

/**
 * Runs at most `concurrency` tasks at once, in arrival order; up to `queue` more wait, each at
 * most `waitMs`. A task refused (queue full, or its wait over) throws WorkRefusedError unrun.
 */
export class WorkLimiter {
  readonly limits: WorkLimits
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(limits: WorkLimits) {
    this.limits = limits
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.take()
    try {
      return await task()
    } finally {
      this.give()
    }
  }

  private take(): Promise<void> {
    if (this.running < this.limits.concurrency) {
      this.running++
      return Promise.resolve()
    }
    if (this.waiting.length >= this.limits.queue) return Promise.reject(overloaded())
    return new Promise((resolve, reject) => {
      const start = () => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(start), 1)
        reject(overloaded())
      }, this.limits.waitMs)
      this.waiting.push(start)
    })
  }

  // A finished task hands its turn straight to the next in line.
  private give() {
    const next = this.waiting.shift()
    if (next) next()
    else this.running--
  }
}
