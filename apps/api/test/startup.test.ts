import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Bad configuration ends the start with one clear line on stderr and exit code 1, no stack trace.
const ROOT = path.resolve(import.meta.dirname, '../../..')

function start(env: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, ['apps/api/src/index.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        OPSDECK_WEB_DIST: '',
        OPSDECK_DEMO: 'false',
        LOG_LEVEL: 'silent',
        ...env,
      },
    })
    let stderr = ''
    let stdout = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.on('exit', (code) => resolve({ code, stderr: stderr.trim(), stdout: stdout.trim() }))
  })
}

let t: TestDatabase
let busy: Server
let busyPort: number
beforeAll(async () => {
  t = await createTestDatabase()
  busy = createServer()
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
  busyPort = (busy.address() as { port: number }).port
})
afterAll(async () => {
  busy.close()
  await t.drop()
})

describe('start-up with bad configuration', () => {
  it('names an unparseable DATABASE_URL', async () => {
    const { code, stderr } = await start({ DATABASE_URL: 'not a url' })
    expect(code).toBe(1)
    expect(stderr).toBe(
      'opsdeck: invalid configuration: DATABASE_URL must be a URL like postgres://user:password@host:5432/dbname',
    )
  })

  it('lists every bad variable at once', async () => {
    const { code, stderr } = await start({ PORT: 'eighty', LOG_LEVEL: 'loud' })
    expect(code).toBe(1)
    expect(stderr.split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/PORT .*LOG_LEVEL/)
  })

  it('retries an unreachable database, a line per attempt, then says so', async () => {
    const { code, stderr, stdout } = await start({
      DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none',
      OPSDECK_DB_WAIT_SECONDS: '2',
    })
    const attempts = stdout.split('\n').filter((l) => l.includes('database not answering yet'))
    expect(attempts.length).toBeGreaterThanOrEqual(2)
    expect(attempts[0]).toMatch(
      /^opsdeck: database not answering yet \(.*ECONNREFUSED.*\): attempt 1, next in 0\.5 s/,
    )
    expect(code).toBe(1)
    expect(stderr.split('\n')).toHaveLength(1)
    expect(stderr).toMatch(
      /^opsdeck: cannot reach the database \(postgres:\/\/nobody@127\.0\.0\.1:9\/none\): .*ECONNREFUSED/,
    )
  })

  it('says when the port is in use', async () => {
    const { code, stderr } = await start({
      DATABASE_URL: t.url,
      PORT: String(busyPort),
      HOST: '127.0.0.1',
    })
    expect(code).toBe(1)
    expect(stderr).toBe(
      `opsdeck: port ${busyPort} is already in use: stop the other server or set PORT`,
    )
  })

  it('says when the dashboard has not been built', async () => {
    const { code, stderr } = await start({ DATABASE_URL: t.url, OPSDECK_WEB_DIST: '/nonexistent' })
    expect(code).toBe(1)
    expect(stderr).toMatch(/^opsdeck: no built dashboard in \/nonexistent/)
  })
})
