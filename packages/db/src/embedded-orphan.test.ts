import { spawn, spawnSync } from 'node:child_process'
import { chown, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EmbeddedInUseError, startEmbedded, type EmbeddedServer } from './embedded.ts'
import { isAlive } from './embedded-orphan.ts'
import {
  failureOf,
  freePort,
  postmasterPid,
  queryOnce,
  tempDataDir,
  waitFor,
  type TempFolder,
} from './embedded-test-kit.ts'

describe('starting over a postmaster.pid left behind', () => {
  let folder: TempFolder | undefined
  let server: EmbeddedServer | undefined
  const pids: number[] = []
  afterEach(async () => {
    for (const pid of pids.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL')
    await server?.stop()
    server = undefined
    await folder?.remove()
  })

  it('leaves alone a live process that is not this folder’s server', async () => {
    folder = await tempDataDir()
    const { dataDir } = folder
    const port = await freePort()
    await (await startEmbedded({ dataDir, port })).stop()
    // An unrelated process calling itself postgres, its parent gone (as an orphan's would be).
    const shell = spawnSync('bash', ['-c', 'exec -a postgres sleep 300 >/dev/null 2>&1 & echo $!'])
    const stranger = Number(shell.stdout.toString())
    pids.push(stranger)
    expect(isAlive(stranger)).toBe(true)
    const pidFile = path.join(dataDir, 'postmaster.pid')
    await writeFile(pidFile, `${stranger}\n${dataDir}\n${Math.floor(Date.now() / 1000)}\n${port}\n`)
    const owner = await stat(dataDir)
    await chown(pidFile, owner.uid, owner.gid)

    const lines: string[] = []
    server = await startEmbedded({ dataDir, port, log: (line) => lines.push(line) })
    expect(isAlive(stranger)).toBe(true)
    expect(lines).toContainEqual(expect.stringMatching(`names process ${stranger}, which is not`))
    expect(await queryOnce(server.url('opsdeck'), 'SELECT 1 AS ok')).toEqual([{ ok: 1 }])
  })

  it('stops the server of a process that was killed, and refuses one whose app still runs', async () => {
    folder = await tempDataDir()
    const { dataDir } = folder
    const port = await freePort()
    const script =
      `const { startEmbedded } = await import(${JSON.stringify(import.meta.dirname + '/embedded.ts')});` +
      `await startEmbedded(${JSON.stringify({ dataDir, port })}); console.log('ready')`
    const app = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    pids.push(app.pid!)
    let output = ''
    app.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    await waitFor(() => (output.includes('ready') ? true : undefined), 60_000, 'the app')
    const orphan = await postmasterPid(dataDir)
    pids.push(orphan)

    const inUse = await failureOf(startEmbedded({ dataDir, port }))
    expect(inUse).toBeInstanceOf(EmbeddedInUseError)
    expect(isAlive(orphan)).toBe(true)

    app.kill('SIGKILL')
    await waitFor(() => app.exitCode ?? app.signalCode ?? undefined, 10_000, 'the kill')
    server = await startEmbedded({ dataDir, port })
    expect(isAlive(orphan)).toBe(false)
    expect(await queryOnce(server.url('opsdeck'), 'SELECT 1 AS ok')).toEqual([{ ok: 1 }])
  })
})
