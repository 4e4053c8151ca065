import { mkdtemp, chmod, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { inject } from 'vitest'
import type { TestProject } from 'vitest/node'
import { createDb } from './connect.ts'
import { startEmbedded } from './embedded.ts'
import { migrateToLatest } from './migrate.ts'
import type { Database } from './schema/index.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string
    pgTemplate: string
  }
}

/**
 * Vitest global setup: one PostgreSQL per run (embedded, or TEST_DATABASE_URL's server) holding a
 * migrated template database that each test file clones.
 */
export async function setupTestDatabaseServer(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL
  let adminUrl: string
  let stopServer = async () => {}
  if (external) {
    adminUrl = external
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), 'opsdeck-test-pg-'))
    await chmod(dir, 0o755) // the server runs as the unprivileged postgres user
    const port = 55_000 + Math.floor(Math.random() * 5_000)
    const server = await startEmbedded({ dataDir: path.join(dir, 'data'), port })
    adminUrl = server.adminUrl('postgres')
    stopServer = async () => {
      await server.stop()
      await rm(dir, { recursive: true, force: true })
    }
  }
  const template = `opsdeck_template_${randomBytes(4).toString('hex')}`
  const admin = createDb(adminUrl, { max: 1 })
  await sql`CREATE DATABASE ${sql.id(template)}`.execute(admin)
  const templateDb = createDb(withDatabase(adminUrl, template), { max: 1 })
  await migrateToLatest(templateDb)
  await templateDb.destroy()
  project.provide('pgAdminUrl', adminUrl)
  project.provide('pgTemplate', template)

  return async () => {
    // Drop what this run created, so an external server is left as it was found.
    const { rows } = await sql<{ datname: string }>`
      SELECT datname FROM pg_database WHERE datname LIKE ${template + '%'}`.execute(admin)
    for (const { datname } of rows) {
      await sql`DROP DATABASE IF EXISTS ${sql.id(datname)} WITH (FORCE)`.execute(admin)
    }
    await admin.destroy()
    await stopServer()
  }
}

export interface TestDatabase {
  db: Kysely<Database>
  url: string
  drop: () => Promise<void>
}

/** A fresh, migrated database of the test file's own, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl')
  const template = inject('pgTemplate')
  const name = `${template}_${randomBytes(4).toString('hex')}`
  const admin = createDb(adminUrl, { max: 1 })
  await sql`CREATE DATABASE ${sql.id(name)} TEMPLATE ${sql.id(template)}`.execute(admin)
  const url = withDatabase(adminUrl, name)
  // DROP … WITH (FORCE) at the end may still meet a closing connection: that error is expected.
  // Tests seed the demo and run set-up work: the request-sized timeouts would cut them off.
  const db = createDb(url, { max: 4, onError: () => {}, statementTimeoutMs: 600_000 })
  return {
    db,
    url,
    drop: async () => {
      await db.destroy()
      await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin)
      await admin.destroy()
    },
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
