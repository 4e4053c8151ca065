import { rename } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmbedded, type EmbeddedServer } from './embedded.ts'
import {
  freePort,
  postmasterPid,
  queryOnce,
  tempDataDir,
  waitFor,
  type TempFolder,
} from './embedded-test-kit.ts'

describe('an embedded PostgreSQL that dies', () => {
  let folder: TempFolder | undefined
  let server: EmbeddedServer | undefined
  afterEach(async () => {
    await server?.stop()
    await folder?.remove()
  })

  it('is restarted, and queries work again, each time it is killed', async () => {
    folder = await tempDataDir()
    const { dataDir } = folder
    const lines: string[] = []
    const fatal: Error[] = []
    server = await startEmbedded({
      dataDir,
      port: await freePort(),
      log: (line) => lines.push(line),
      onFatal: (err) => fatal.push(err),
    })
    const app = server.url('opsdeck')
    await queryOnce(app, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)')

    for (const round of [1, 2]) {
      const killed = await postmasterPid(dataDir)
      process.kill(killed, 'SIGKILL')
      const rows = await waitFor(
        () => queryOnce(app, 'SELECT id FROM kept').catch(() => undefined),
        60_000,
        `queries to work after kill ${round}`,
      )
      expect(rows).toEqual([{ id: 1 }])
      expect(await postmasterPid(dataDir)).not.toBe(killed)
    }
    expect(
      lines.filter((l) => /exited unexpectedly \(SIGKILL\): restart attempt \d of/.test(l)),
    ).toHaveLength(2)
    expect(lines.filter((l) => /^embedded PostgreSQL restarted/.test(l))).toHaveLength(2)
    expect(fatal).toEqual([])
  })

  it('calls onFatal once the restart attempts are used up', async () => {
    folder = await tempDataDir()
    const { dataDir } = folder
    const lines: string[] = []
    let fatal!: (err: Error) => void
    const gaveUp = new Promise<Error>((resolve) => (fatal = resolve))
    server = await startEmbedded({
      dataDir,
      port: await freePort(),
      log: (line) => lines.push(line),
      onFatal: (err) => fatal(err),
      restartDelaysMs: [100, 200, 400],
    })
    // Without PG_VERSION the folder is no data directory: every restart fails.
    const version = path.join(dataDir, 'PG_VERSION')
    await rename(version, `${version}.hidden`)
    process.kill(await postmasterPid(dataDir), 'SIGKILL')

    const err = await gaveUp
    expect(err.message).toMatch(
      /did not restart \(FATAL: .* is not a valid data directory\); giving up after 3 restart/,
    )
    expect(lines.filter((l) => /restart attempt \d of 3/.test(l))).toHaveLength(3)
    expect(lines.filter((l) => /restarted/.test(l))).toEqual([])
    await rename(`${version}.hidden`, version)
  })
})
