import type { Database, ReadReplica, ReadTarget } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import type { Logger } from 'pino'
import type { RequestIdVariables } from 'hono/request-id'
import type { Actor } from './auth/actor.ts'
import type { ActorCache } from './auth/actor-cache.ts'
import type { AuthConfig } from './auth/config.ts'
import type { FiguresCache } from './lib/figures-cache.ts'
import type { Metrics } from './lib/metrics.ts'
import type { OutageLog } from './lib/outage.ts'
import type { PdfRenderer } from './reports/pdf/render-pdf.ts'

export interface AppDeps {
  db: Kysely<Database>
  /** A streaming replica for the dashboards' reads (DATABASE_REPLICA_URL); none: all on `db`. */
  replica?: ReadReplica | null
  logger: Logger
  /** Folder of the built SPA to serve; none in tests and in `pnpm dev`. */
  webRoot?: string | undefined
  /** The time now; tests pass a fixed clock. */
  clock?: () => Date
  /** Session lifetimes, proxy trust, password-hash cost, login limits; defaults otherwise. */
  auth?: Partial<AuthConfig>
  /** Asks the database itself whether it answers (not a pooled seat); `SELECT 1` otherwise. */
  ping?: (timeoutMs: number) => Promise<void>
  /** True once the process is shutting down: /readyz says 503, connections are not kept alive. */
  draining?: () => boolean
  /** Logs database outages once per change; made from `logger` when not given. */
  outage?: OutageLog
  /** Prints report snapshots to PDF (headless Chromium); without it, PDF export answers 503. */
  pdf?: PdfRenderer
  /**
   * This process's Prometheus metrics, shared with its worker (index.ts); a fresh set when not
   * given (tests); null: switched off (OPSDECK_METRICS=off), /metrics answers 404.
   */
  metrics?: Metrics | null
  /** Shares the dashboard's read answers for a few seconds (OPSDECK_CACHE_SECONDS); none in tests. */
  figures?: FiguresCache
  /** Remembers who a session or token is for a few seconds; none in tests. */
  actors?: ActorCache
}

export interface AppEnv {
  Variables: RequestIdVariables & {
    db: Kysely<Database>
    /** For dashboard and report GETs: the replica when it has this browser's writes, else `db`. */
    readDb: Kysely<Database>
    /** Where readDb went, for the request's log line (GETs, with a replica configured). */
    readFrom: ReadTarget | undefined
    /**
     * This browser wrote within its last-write cookie's life: a replica's shared answer may predate
     * the replica replaying that write, so its replica reads are computed for it, never cached.
     */
    recentWriter: boolean
    log: Logger
    now: Date
    auth: AuthConfig
    /** Who is calling: set on every /api/v1 request, null when nobody is signed in. */
    actor: Actor | null
    /** What /readyz needs: the database ping and whether the process is shutting down. */
    health: { ping: ((timeoutMs: number) => Promise<void>) | undefined; draining: () => boolean }
    pdf: PdfRenderer | undefined
    /** Null when switched off. */
    metrics: Metrics | null
    figures: FiguresCache | undefined
    actors: ActorCache | undefined
  }
}
