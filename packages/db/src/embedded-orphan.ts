import { existsSync } from 'node:fs'
import { readFile, readlink, realpath } from 'node:fs/promises'
import path from 'node:path'

export class EmbeddedInUseError extends Error {
  override name = 'EmbeddedInUseError'
}

/** What postmaster.pid says about the data folder's server. */
export type PidFileState =
  | { kind: 'none' }
  /** A live process that is not this folder's postmaster: the file is stale. */
  | { kind: 'stranger'; pid: number }
  /** This folder's postmaster, its opsdeck killed. */
  | { kind: 'orphan'; pid: number }
  /** This folder's postmaster, run by a live opsdeck (`owner`), listening on `port`. */
  | { kind: 'in-use'; pid: number; owner: number; port: number }

/**
 * Only a process proven to be this folder's postmaster counts: a stale postmaster.pid may name
 * any process by now (once, another PostgreSQL). One whose parent is a live node process belongs
 * to a running opsdeck.
 */
export async function readPidFile(dataDir: string): Promise<PidFileState> {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return { kind: 'none' }
  // pid, data folder, start time, port, socket folder, listen address, …
  const lines = (await readFile(pidFile, 'utf8')).split('\n')
  const pid = Number(lines[0])
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return { kind: 'none' }
  if (!(await isPostmasterOf(pid, dataDir))) return { kind: 'stranger', pid }
  const parent = await parentOf(pid)
  if (parent !== null && parent !== 1 && (await commandOf(parent)).includes('node')) {
    return { kind: 'in-use', pid, owner: parent, port: Number(lines[3]) }
  }
  return { kind: 'orphan', pid }
}

/**
 * A server left running by a process that was killed (SIGKILL) still holds the data folder: ask
 * it to shut down fast and wait, so the next start needs no manual step. A server whose opsdeck
 * is alive is left alone, and said so.
 */
export async function stopOrphan(dataDir: string, log: (line: string) => void): Promise<void> {
  const state = await readPidFile(dataDir)
  if (state.kind === 'stranger') {
    log(
      `postmaster.pid names process ${state.pid}, which is not this data folder's server: ignored`,
    )
  }
  if (state.kind === 'in-use') {
    throw new EmbeddedInUseError(
      `the embedded database in ${dataDir} is in use by another process (pid ${state.owner}): ` +
        'stop it, or set OPSDECK_DATA_DIR and OPSDECK_PG_PORT for a second instance',
    )
  }
  if (state.kind !== 'orphan') return
  const { pid } = state
  log(`stopping the embedded PostgreSQL left running by a killed process (pid ${pid})`)
  process.kill(pid, 'SIGINT')
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100)
}

// A postmaster runs `postgres` with its working folder set to the data folder (it chdirs there
// at start), whatever -D or PGDATA said. Where /proc cannot tell (not Linux, no permission), the
// answer is no: the server's own lock check then refuses to start, which is safe.
export async function isPostmasterOf(pid: number, dataDir: string): Promise<boolean> {
  const [exe, cwd, dir] = await Promise.all([
    readlink(`/proc/${pid}/exe`).catch(() => ''),
    readlink(`/proc/${pid}/cwd`).catch(() => ''),
    realpath(dataDir).catch(() => dataDir),
  ])
  return path.basename(exe).replace(/ \(deleted\)$/, '') === 'postgres' && cwd === dir
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

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
