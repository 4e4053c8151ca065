// Helpers for the tests that start embedded servers of their own, in temporary folders.
import { spawn, type ChildProcess } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

export interface TempFolder {
  dataDir: string
  remove: () => Promise<void>
}

export async function tempDataDir(): Promise<TempFolder> {
  const dir = await mkdtemp(path.join(tmpdir(), 'opsdeck-embedded-test-'))
  await chmod(dir, 0o755) // the server runs as the unprivileged postgres user
  return {
    dataDir: path.join(dir, 'postgres'),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}

/** A free TCP port on the loopback address, chosen by the OS. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('could not pick a free port')
  return address.port
}

/** Runs one query on a connection of its own. */
export async function queryOnce<R extends pg.QueryResultRow>(
  config: string | pg.ClientConfig,
  text: string,
): Promise<R[]> {
  const client = new pg.Client(
    typeof config === 'string' ? { connectionString: config } : { ...config },
  )
  client.on('error', () => {})
  await client.connect()
  try {
    return (await client.query<R>(text)).rows
  } finally {
    await client.end()
  }
}

/** The error a promise fails with (the test fails when it succeeds). */
export async function failureOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise
  } catch (err) {
    return err as Error & { code?: string }
  }
  throw new Error('expected a failure')
}

/** Polls until `check` returns a value, for up to `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    try {
      const value = await check()
      if (value !== undefined) return value
    } catch (err) {
      last = err
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`timed out waiting for ${what}`, { cause: last })
}

export async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0])
}

export interface AppProcess {
  child: ChildProcess
  /** Stops the server as the app does on SIGTERM, and waits for the process to end. */
  stop: () => Promise<void>
}

/**
 * A stand-in for a running opsdeck: a node process that starts the embedded server on `dataDir`
 * and so is its postmaster's parent, as the app is.
 */
export async function startAppProcess(
  dataDir: string,
  port: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AppProcess> {
  const embedded = JSON.stringify(path.join(import.meta.dirname, 'embedded.ts'))
  const script =
    `const { startEmbedded } = await import(${embedded});` +
    `const server = await startEmbedded(${JSON.stringify({ dataDir, port })});` +
    `process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));` +
    `console.log('ready')`
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const ended = () => child.exitCode ?? child.signalCode ?? undefined
  const stop = async () => {
    if (ended() === undefined) child.kill('SIGTERM')
    await waitFor(ended, 20_000, 'the app process to stop')
  }
  try {
    await waitFor(() => (output.includes('ready') ? true : undefined), 60_000, 'the app process')
  } catch (err) {
    child.kill('SIGKILL')
    throw err
  }
  return { child, stop }
}

/** A process's environment as it was started, from /proc. */
export async function environmentOf(pid: number): Promise<Record<string, string>> {
  const text = await readFile(`/proc/${pid}/environ`, 'utf8')
  const pairs = text.split('\0').filter(Boolean)
  return Object.fromEntries(
    pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]),
  )
}
