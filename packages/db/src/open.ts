import path from 'node:path'
import type { Kysely } from 'kysely'
import { createDb, createPool, kyselyOver, type ConnectOptions } from './connect.ts'
import { startEmbedded } from './embedded.ts'
import { ConfigError } from './env.ts'
import { listen, type Listening } from './listen.ts'
import { ReadReplica, type ReplicaChange } from './replica.ts'
import type { Database } from './schema/index.ts'

export interface OpenOptions extends ConnectOptions {
  /** Use this server; without it an embedded PostgreSQL is started. */
  databaseUrl?: string | undefined
  embeddedDir: string
  embeddedPort: number
  /** The embedded server's events: an upgrade, a crash, each restart attempt (default stderr). */
  log?: (line: string) => void
  /**
   * The embedded server died and could not be restarted. By default the process exits with
   * code 1 at once; an app with an ordered shutdown passes its own, which must exit non-zero.
   */
  onFatal?: (err: Error) => void
  /**
   * For the CLIs: while opsdeck runs on the embedded data folder, use its server (its port, the
   * credentials file) instead of failing with EmbeddedInUseError; close() then ends only our pool.
   */
  attach?: boolean | undefined
  /** A streaming replica of `databaseUrl` for the dashboards' reads (not with the embedded server). */
  replicaUrl?: string | undefined
  /** Reads go to the primary while the replica misses writes older than this (default 10 s). */
  replicaMaxLagMs?: number | undefined
  onReplicaChange?: ((change: ReplicaChange) => void) | undefined
}

export interface OpenedDatabase {
  db: Kysely<Database>
  /** Asks the server itself whether it answers: a connection of its own, not a pool seat. */
  ping: (timeoutMs: number) => Promise<void>
  /** Another pool on the same database, e.g. with the long timeouts that set-up work needs. */
  connect: (opts: ConnectOptions) => Kysely<Database>
  /** Where the data lives, for the start-up line (password removed). */
  description: string
  /** The read replica, when `replicaUrl` was given. */
  replica: ReadReplica | null
  /** Hears NOTIFY on a channel, on a connection of its own (see listen.ts). */
  listen: (channel: string, onNotify: () => void) => Listening
  close: () => Promise<void>
}

/** The one way the apps get a database: DATABASE_URL when given, else the embedded server. */
export async function openDatabase(opts: OpenOptions): Promise<OpenedDatabase> {
  if (opts.databaseUrl) {
    const url = opts.databaseUrl
    const pool = createPool(url, opts)
    const db = kyselyOver(pool)
    const replica = opts.replicaUrl
      ? new ReadReplica(pool, url, opts.replicaUrl, {
          ...opts,
          maxLagMs: opts.replicaMaxLagMs ?? 10_000,
          onChange: opts.onReplicaChange,
        })
      : null
    return {
      db,
      ping: (ms) => pool.ping(ms),
      connect: (o) => createDb(url, o),
      listen: (channel, onNotify) => listen(url, channel, onNotify),
      description:
        redact(url) + (opts.replicaUrl ? `, reads from replica ${redact(opts.replicaUrl)}` : ''),
      replica,
      close: async () => {
        await replica?.close()
        await db.destroy()
      },
    }
  }
  if (opts.replicaUrl)
    throw new ConfigError('a read replica needs DATABASE_URL (not the embedded server)')
  const log = opts.log ?? ((line: string) => console.error(`opsdeck: ${line}`))
  const server = await startEmbedded({
    dataDir: opts.embeddedDir,
    port: opts.embeddedPort,
    attach: opts.attach ?? false,
    log,
    onFatal:
      opts.onFatal ??
      ((err) => {
        log(err.message)
        process.exit(1)
      }),
  })
  const pool = createPool(server.url('opsdeck'), opts)
  const db = kyselyOver(pool)
  return {
    db,
    ping: (ms) => pool.ping(ms),
    connect: (o) => createDb(server.url('opsdeck'), o),
    listen: (channel, onNotify) => listen(server.url('opsdeck'), channel, onNotify),
    replica: null,
    description:
      `embedded PostgreSQL at 127.0.0.1:${server.port}, data in ${shortPath(opts.embeddedDir)}` +
      (server.attachedTo === null ? '' : ` (attached: run by opsdeck, pid ${server.attachedTo})`),
    close: async () => {
      await db.destroy()
      await server.stop()
    },
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'DATABASE_URL'
  }
}

function shortPath(dir: string): string {
  const rel = path.relative(process.cwd(), dir)
  return rel && !rel.startsWith('..') ? rel : dir
}
