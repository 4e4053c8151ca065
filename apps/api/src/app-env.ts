import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { RequestIdVariables } from 'hono/request-id'

export interface AppDeps {
  db: Kysely<Database>
  logger: Logger
  /** Folder of the built SPA to serve; none in tests and in `pnpm dev`. */
  webRoot?: string | undefined
  /** The time now; tests pass a fixed clock. */
  clock?: () => Date
}

export interface AppEnv {
  Variables: RequestIdVariables & {
    db: Kysely<Database>
    log: Logger
    now: Date
  }
}
