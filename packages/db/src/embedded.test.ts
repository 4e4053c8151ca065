import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, readdir, stat } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { credentialsPath } from './embedded-credentials.ts'
import { startEmbedded, type EmbeddedServer } from './embedded.ts'
import {
  failureOf,
  freePort,
  queryOnce,
  tempDataDir,
  type TempFolder,
} from './embedded-test-kit.ts'

const isRoot = process.getuid?.() === 0

describe('a new embedded PostgreSQL', () => {
  let folder: TempFolder
  let port: number
  let server: EmbeddedServer
  beforeAll(async () => {
    folder = await tempDataDir()
    port = await freePort()
    server = await startEmbedded({ dataDir: folder.dataDir, port })
  })
  afterAll(async () => {
    await server?.stop()
    await folder?.remove()
  })

  it('keeps its generated passwords in a file of mode 0600 that no other OS user can read', async () => {
    const file = credentialsPath(folder.dataDir)
    const info = await stat(file)
    expect(info.mode & 0o777).toBe(0o600)
    expect(info.uid).toBe(process.getuid?.())
    const text = await readFile(file, 'utf8')
    expect(text).toMatch(/^\*:\*:\*:opsdeck:[\w-]{32}$/m)
    expect(text).toMatch(/^\*:\*:\*:opsdeck_app:[\w-]{32}$/m)
    if (isRoot) {
      const asNobody = spawnSync('cat', [file], { uid: 65534, gid: 65534 })
      expect(asNobody.status).not.toBe(0)
      expect(asNobody.stdout.toString()).toBe('')
    }
  })

  it('refuses the old fixed password over TCP', async () => {
    for (const user of ['opsdeck', 'opsdeck_app', 'postgres']) {
      const config = { host: '127.0.0.1', port, user, password: 'opsdeck', database: 'postgres' }
      const err = await failureOf(queryOnce(config, 'SELECT 1'))
      expect(err.code, user).toBe('28P01')
    }
  })

  it('opens no Unix socket, in /tmp or in its data folder', async () => {
    expect(existsSync(`/tmp/.s.PGSQL.${port}`)).toBe(false)
    expect((await readdir(folder.dataDir)).filter((f) => f.startsWith('.s.PGSQL'))).toEqual([])
    const config = {
      host: '/tmp',
      port,
      user: 'opsdeck',
      password: 'opsdeck',
      database: 'postgres',
    }
    expect((await failureOf(queryOnce(config, 'SELECT 1'))).code).toBe('ENOENT')
  })

  it('listens on 127.0.0.1 only and accepts nothing but scram-sha-256', async () => {
    const [settings] = await queryOnce<{ listen: string; socket: string }>(
      server.adminUrl('postgres'),
      `SELECT current_setting('listen_addresses') AS listen,
              current_setting('unix_socket_directories') AS socket`,
    )
    expect(settings).toEqual({ listen: '127.0.0.1', socket: '' })
    const rules = await queryOnce(
      server.adminUrl('postgres'),
      'SELECT type, auth_method, address FROM pg_hba_file_rules',
    )
    expect(rules).toEqual([{ type: 'host', auth_method: 'scram-sha-256', address: '127.0.0.1' }])
    const passwords = await queryOnce<{ rolname: string; scram: boolean }>(
      server.adminUrl('postgres'),
      `SELECT rolname, rolpassword LIKE 'SCRAM-SHA-256$%' AS scram
       FROM pg_authid WHERE rolpassword IS NOT NULL ORDER BY rolname`,
    )
    expect(passwords).toEqual([
      { rolname: 'opsdeck', scram: true },
      { rolname: 'opsdeck_app', scram: true },
    ])
  })

  it('connects the app as a role that owns its database and is not a superuser', async () => {
    const [me] = await queryOnce(
      server.url('opsdeck'),
      `SELECT current_user AS role, r.rolsuper, r.rolcreatedb, r.rolcreaterole,
              pg_get_userbyid(d.datdba) AS owner
       FROM pg_roles r, pg_database d
       WHERE r.rolname = current_user AND d.datname = current_database()`,
    )
    expect(me).toEqual({
      role: 'opsdeck_app',
      rolsuper: false,
      rolcreatedb: false,
      rolcreaterole: false,
      owner: 'opsdeck_app',
    })
    await queryOnce(server.url('opsdeck'), 'CREATE TABLE app_made (id int)')
    const denied = await failureOf(queryOnce(server.url('opsdeck'), 'CREATE DATABASE other'))
    expect(denied.code).toBe('42501')
  })

  it('opens again with the passwords it saved', async () => {
    const before = await readFile(credentialsPath(folder.dataDir), 'utf8')
    await server.stop()
    server = await startEmbedded({ dataDir: folder.dataDir, port })
    const rows = await queryOnce(server.url('opsdeck'), 'SELECT count(*)::int AS n FROM app_made')
    expect(rows).toEqual([{ n: 0 }])
    expect(await readFile(credentialsPath(folder.dataDir), 'utf8')).toBe(before)
  })
})
