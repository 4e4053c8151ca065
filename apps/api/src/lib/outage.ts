import type { DatabaseStatusChange } from '@opsdeck/db'
import type { Logger } from 'pino'

/**
 * Logs a database outage once when it starts and once when it ends (with how many requests were
 * refused meanwhile), instead of a stack trace per refused request.
 */
export class OutageLog {
  private refused = 0
  private readonly logger: Logger

  constructor(logger: Logger) {
    this.logger = logger.child({ component: 'database' })
  }

  /** For the pool's `onStatus`. */
  readonly onStatus = (change: DatabaseStatusChange): void => {
    if (change.status === 'down') {
      this.refused = 0
      const { message, code } = change.error as Error & { code?: string }
      this.logger.error({ error: { message, code } }, 'database unavailable')
    } else {
      this.logger.info(
        { downMs: change.downMs, refusedRequests: this.refused },
        'database available again',
      )
    }
  }

  /** For the pool's `onError`: a connection dropped outside a query, no stack needed. */
  readonly onConnectionError = (err: Error): void => {
    this.logger.debug({ error: { message: err.message } }, 'database connection lost')
  }

  /** A request answered 503 because the database was away. */
  countRefused(): void {
    this.refused++
  }
}
