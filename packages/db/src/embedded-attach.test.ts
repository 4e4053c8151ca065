import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { EmbeddedInUseError } from './embedded.ts'
import { readCredentials, serverUrls } from './embedded-credentials.ts'
import { isAlive } from './embedded-orphan.ts'
import {
  failureOf,
  freePort,
  postmasterPid,
  queryOnce,
  startAppProcess,
  tempDataDir,
  type AppProcess,
  type TempFolder,
} from './embedded-test-kit.ts'
import { openDatabase, type OpenedDatabase } from './open.ts'

describe('a CLI on the embedded data folder', () => {
  let folder: TempFolder | undefined
  let app: AppProcess | undefined
  let opened: OpenedDatabase | undefined
  afterEach(async () => {
    await opened?.close()
    opened = undefined
    await app?.stop()
    app = undefined
    await folder?.remove()
  })

  it('uses the server of the opsdeck that runs, and leaves it running when done', async () => {
    folder = await tempDataDir()
    const { dataDir } = folder
    const port = await freePort()
    app = await startAppProcess(dataDir, port)
    const postmaster = await postmasterPid(dataDir)
    const lines: string[] = []
    // Another port than the app's: the running server's own (from postmaster.pid) is used.
    const log = (line: string) => void lines.push(line)
    const options = { embeddedDir: dataDir, embeddedPort: await freePort(), log }

    // A second app on the same folder is still refused.
    expect(await failureOf(openDatabase(options))).toBeInstanceOf(EmbeddedInUseError)

    opened = await openDatabase({ ...options, attach: true })
    expect(opened.description).toContain(`127.0.0.1:${port}`)
    expect(opened.description).toContain(`pid ${app.child.pid}`)
    const { rows } = await sql<{ role: string; port: number }>`
      SELECT current_user AS role, inet_server_port() AS port`.execute(opened.db)
    expect(rows).toEqual([{ role: 'opsdeck_app', port }])

    await opened.close()
    opened = undefined
    expect(isAlive(postmaster)).toBe(true)
    expect(await postmasterPid(dataDir)).toBe(postmaster)
    const creds = (await readCredentials(dataDir))!
    const appUrl = serverUrls(port, creds).url('opsdeck')
    expect(await queryOnce(appUrl, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }])
    expect(lines).toEqual([])
  })

  it('starts and stops a server of its own when opsdeck does not run', async () => {
    folder = await tempDataDir()
    const { dataDir } = folder
    const port = await freePort()
    opened = await openDatabase({ embeddedDir: dataDir, embeddedPort: port, attach: true })
    expect(opened.description).not.toContain('attached')
    const { rows } = await sql<{ ok: number }>`SELECT 1 AS ok`.execute(opened.db)
    expect(rows).toEqual([{ ok: 1 }])
    const postmaster = await postmasterPid(dataDir)
    await opened.close()
    opened = undefined
    expect(isAlive(postmaster)).toBe(false)
  })
})
