// Helpers for the tests that start embedded servers of their own, in temporary folders.
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
