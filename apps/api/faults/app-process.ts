import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../../..')
export const ADMIN = { email: 'admin@faults.opsdeck.local', password: 'fault-suite-password-2026' }

/** The real app, started as `pnpm start` would start it, in a process of its own. */
export class AppProcess {
  readonly port: number
  readonly output: string[] = []
  readonly exited: Promise<number | null>
  private readonly child: ChildProcess

  private constructor(port: number, env: Record<string, string>, args: string[]) {
    this.port = port
    this.child = spawn(process.execPath, ['apps/api/src/index.ts', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        OPSDECK_DEMO: 'false',
        OPSDECK_WEB_DIST: '',
        LOG_LEVEL: 'info',
        OPSDECK_ADMIN_EMAIL: ADMIN.email,
        OPSDECK_ADMIN_PASSWORD: ADMIN.password,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    // Whole lines only: a pipe may cut a log line (or a character) between two chunks.
    const collect = (stream: NodeJS.ReadableStream) => {
      let partial = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n')
        partial = lines.pop() ?? ''
        this.output.push(...lines.filter(Boolean))
      })
      stream.on('end', () => partial && this.output.push(partial))
    }
    collect(this.child.stdout!)
    collect(this.child.stderr!)
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)))
  }

  /** `args` as on the command line, e.g. `['--role=worker']`. */
  static async start(env: Record<string, string>, args: string[] = []): Promise<AppProcess> {
    return new AppProcess(await freePort(), env, args)
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get pid(): number {
    return this.child.pid!
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  /** Waits until /readyz answers 200 (or the process exits). */
  async ready(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`the app exited:\n${this.output.slice(-20).join('\n')}`)
      const res = await fetch(`${this.base}/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(
        () => undefined,
      )
      if (res?.status === 200) return
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(
      `the app was not ready in ${timeoutMs} ms:\n${this.output.slice(-20).join('\n')}`,
    )
  }

  /** Signs the fault suite's admin in; the session cookie for reads. */
  async signIn(): Promise<string> {
    const res = await fetch(`${this.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
      body: JSON.stringify(ADMIN),
    })
    const cookie = res.headers.get('set-cookie')?.match(/opsdeck_session=[^;]*/)?.[0]
    if (!cookie) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
    return cookie
  }

  kill(signal: NodeJS.Signals) {
    this.child.kill(signal)
  }

  /** Stops the process if it still runs; for afterAll. */
  async dispose() {
    if (this.running) {
      this.child.kill('SIGTERM')
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000)
      await this.exited
      clearTimeout(timer)
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
