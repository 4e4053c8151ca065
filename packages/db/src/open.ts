import path from 'node:path'
import { type Kysely, sql } from 'kysely'
import { createDb, type ConnectOptions } from './connect.ts'
import { startEmbedded } from './embedded.ts'
import type { Database } from './schema.ts'

export interface OpenOptions extends ConnectOptions {
  /** Use this server; without it an embedded PostgreSQL is started. */
  databaseUrl?: string | undefined
  embeddedDir: string
  embeddedPort: number
}

export interface OpenedDatabase {
  db: Kysely<Database>
  /** Where the data lives, for the start-up line (password removed). */
  description: string
  close: () => Promise<void>
}

/** The one way the apps get a database: DATABASE_URL when given, else the embedded server. */
export async function openDatabase(opts: OpenOptions): Promise<OpenedDatabase> {
  if (opts.databaseUrl) {
    const db = createDb(opts.databaseUrl, opts)
    return { db, description: redact(opts.databaseUrl), close: () => db.destroy() }
  }
  const server = await startEmbedded({ dataDir: opts.embeddedDir, port: opts.embeddedPort })
  await ensureDatabase(server.url('postgres'), 'opsdeck')
  const db = createDb(server.url('opsdeck'), opts)
  return {
    db,
    description: `embedded PostgreSQL at 127.0.0.1:${opts.embeddedPort}, data in ${shortPath(opts.embeddedDir)}`,
    close: async () => {
      await db.destroy()
      await server.stop()
    },
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = createDb(adminUrl, { max: 1 })
  try {
    const { rows } = await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`.execute(admin)
    if (rows.length === 0) await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin)
  } finally {
    await admin.destroy()
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
