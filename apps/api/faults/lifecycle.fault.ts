import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppProcess, freePort } from './app-process.ts'
import { send } from './load.ts'
import { PgServer } from './pg-server.ts'

// Start-up before the database, a pool saturated by a flood, and SIGTERM with requests in flight.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const disposals: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const dispose of disposals.splice(0).reverse()) await dispose().catch(() => {})
})

describe('the app process', () => {
  it('waits for a database that comes up 10 s after it, then serves', async () => {
    const pg = await PgServer.create(await freePort())
    disposals.push(() => pg.destroy())
    const app = await AppProcess.start({ DATABASE_URL: pg.url })
    disposals.push(() => app.dispose())

    // Counted from the app's first attempt, not its launch: a loaded machine may take seconds
    // just to load the code.
    await waitFor(() => app.output.some((l) => l.includes('database not answering yet')))
    await sleep(10_000)
    expect(app.running).toBe(true)
    const startedAt = Date.now()
    await pg.start()
    await app.ready(30_000)
    const attempts = app.output.filter((l) => l.includes('database not answering yet'))
    console.log(
      `[faults] late start: ${attempts.length} attempts logged, serving ${Date.now() - startedAt} ms after PostgreSQL started`,
    )
    expect(attempts.length).toBeGreaterThanOrEqual(3)
    expect(attempts[0]).toMatch(/ECONNREFUSED.*attempt 1,/)
    // One line per attempt, numbered in order.
    attempts.forEach((line, i) => expect(line).toContain(`attempt ${i + 1},`))
  })

  it('answers a flood that saturates the pool with 503 overloaded, while /readyz stays 200', async () => {
    const pg = await PgServer.create(await freePort())
    disposals.push(() => pg.destroy())
    await pg.start()
    const app = await AppProcess.start({
      DATABASE_URL: pg.url,
      PG_POOL_MAX: '2',
      PG_POOL_QUEUE_TIMEOUT_MS: '100',
      LOG_LEVEL: 'warn',
    })
    disposals.push(() => app.dispose())
    await app.ready()
    const cookie = await app.signIn()

    const readiness: number[] = []
    let flooding = true
    const poller = (async () => {
      while (flooding) {
        readiness.push((await send(`${app.base}/readyz`)).status)
        await sleep(50)
      }
    })()
    const flood = await Promise.all(
      Array.from({ length: 300 }, () => send(`${app.base}/api/v1/overview`, { Cookie: cookie })),
    )
    flooding = false
    await poller

    const overloaded = flood.filter((o) => o.code === 'overloaded')
    console.log(
      `[faults] flood of 300 on a pool of 2: ${flood.filter((o) => o.status === 200).length} ok, ` +
        `${overloaded.length} overloaded, readiness ${readiness.length}× checked`,
    )
    expect(overloaded.length).toBeGreaterThan(0)
    expect(overloaded.every((o) => o.status === 503 && o.retryAfter === '1')).toBe(true)
    expect(flood.every((o) => o.status === 200 || o.code === 'overloaded')).toBe(true)
    expect(readiness.length).toBeGreaterThan(0)
    expect(readiness.every((status) => status === 200)).toBe(true)
  })

  it('on SIGTERM finishes the requests in flight, exits 0 and stops its embedded PostgreSQL', async () => {
    const { app, cookie, pidFile, postmaster } = await startOnEmbedded()

    // 20 keep-alive connections, warmed up, then 20 requests on them and 20 on new connections,
    // all sent just before the signal.
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 20 })
    const get = (agent: http.Agent | false) => request(`${app.base}/api/v1/overview`, cookie, agent)
    await Promise.all(Array.from({ length: 20 }, () => get(keepAlive)))
    const inFlight = [
      ...Array.from({ length: 20 }, () => get(keepAlive)),
      ...Array.from({ length: 20 }, () => get(false)),
    ]
    await sleep(5)
    const signalledAt = Date.now()
    app.kill('SIGTERM')
    const answers = await Promise.all(inFlight)
    const code = await app.exited
    const exitMs = Date.now() - signalledAt
    keepAlive.destroy()

    const failed = answers.filter((a) => a.status !== 200)
    console.log(
      `[faults] SIGTERM: ${answers.length - failed.length}/${answers.length} in-flight answered 200, ` +
        `exit ${code} after ${exitMs} ms`,
    )
    expect(failed).toEqual([])
    expect(answers.filter((a) => a.connection === 'close').length).toBeGreaterThan(0)
    expect(code).toBe(0)
    // Keep-alive connections are closed, not waited out until a hard timer.
    expect(exitMs).toBeLessThan(10_000)
    expect(existsSync(pidFile)).toBe(false)
    expect(await isRunning(postmaster)).toBe(false)
  })
})

/** The app as `pnpm start` runs it: its own embedded PostgreSQL in a temporary folder. */
async function startOnEmbedded() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'opsdeck-faults-app-'))
  disposals.push(() => rm(dataDir, { recursive: true, force: true }))
  const app = await AppProcess.start({
    OPSDECK_DATA_DIR: dataDir,
    OPSDECK_PG_PORT: String(await freePort()),
  })
  disposals.push(() => app.dispose())
  await app.ready()
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid')
  return { app, cookie: await app.signIn(), pidFile, postmaster: await pidIn(pidFile) }
}

async function pidIn(pidFile: string): Promise<number> {
  return Number((await readFile(pidFile, 'utf8')).split('\n')[0])
}

async function waitFor(condition: () => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`)
    await sleep(50)
  }
}

describe('the app over its embedded PostgreSQL', () => {
  it('restarts the embedded server when it dies, and serves again by itself', async () => {
    const { app, cookie, pidFile, postmaster: first } = await startOnEmbedded()

    const killedAt = Date.now()
    process.kill(first, 'SIGKILL')
    await waitFor(() => !existsSync(`/proc/${first}`) || !app.running, 10_000)
    // Served again, by a new postmaster, with the process never having stopped.
    let answer = await send(`${app.base}/api/v1/overview`, { Cookie: cookie })
    while (answer.status !== 200 && Date.now() - killedAt < 60_000) {
      expect([503]).toContain(answer.status)
      await sleep(200)
      answer = await send(`${app.base}/api/v1/overview`, { Cookie: cookie })
    }
    console.log(
      `[faults] embedded PostgreSQL killed: serving again after ${Date.now() - killedAt} ms`,
    )
    expect(answer.status).toBe(200)
    expect(app.running).toBe(true)
    const second = await pidIn(pidFile)
    expect(second).not.toBe(first)
  })
})

function request(url: string, cookie: string, agent: http.Agent | false) {
  return new Promise<{ status: number; connection?: string | undefined; error?: string }>(
    (resolve) => {
      const req = http.get(url, { agent, headers: { Cookie: cookie } }, (res) => {
        res.resume()
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
        )
      })
      req.on('error', (err: NodeJS.ErrnoException) => resolve({ status: 0, error: err.code }))
    },
  )
}

async function isRunning(pid: number): Promise<boolean> {
  if (!existsSync(`/proc/${pid}`)) return false
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
  // A zombie has exited; only its parent's bookkeeping is left.
  return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
}
