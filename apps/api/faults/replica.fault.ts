import { createDb } from '@opsdeck/db'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, AppProcess, freePort } from './app-process.ts'
import { startLoad, summarise } from './load.ts'
import { PgServer } from './pg-server.ts'

// A read replica: the app over a primary and a real streaming standby made here with the
// embedded binaries (PgServer.standbyOf). Dashboard reads go to the standby, writes to the
// primary, the writer reads its own writes at once; a standby that lags past the bound, stops or
// comes back moves reads to the primary and back without an error.

const SLOT = 'opsdeck_standby'
// The lag bound for this run: long enough that a read right after a write is surely within it
// on a busy machine, short enough to wait out.
const MAX_LAG_S = 12
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let primary: PgServer
let standby: PgServer
let onPrimary: ReturnType<typeof createDb>
let onStandby: ReturnType<typeof createDb>
let app: AppProcess
let writer: Browser
let reader: Browser

/** Polls `probe` until it returns a value other than undefined. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(200)
  }
}

/** A browser: its own cookies (the session, and the last-write position the API sets). */
class Browser {
  private readonly cookies = new Map<string, string>()

  async signIn(email: string, password: string) {
    const res = await this.send('POST', '/api/v1/auth/login', { email, password })
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
    // Signing in writes a session, which sets the last-write cookie: forget it, so this browser
    // starts as one that has changed nothing.
    this.cookies.delete('opsdeck_wrote_at')
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async send(method: string, path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${app.base}${path}`, {
      method,
      headers: {
        Cookie: this.cookieHeader(),
        'Content-Type': 'application/json',
        'Sec-Fetch-Site': 'same-origin',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    })
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';')
      const at = pair.indexOf('=')
      if (/max-age=0/i.test(cookie)) this.cookies.delete(pair.slice(0, at))
      else this.cookies.set(pair.slice(0, at), pair.slice(at + 1))
    }
    return res
  }

  /** The services list as this browser sees it, and which server answered it. */
  async services(): Promise<{ slugs: string[]; from: string }> {
    const res = await this.send('GET', '/api/v1/services')
    if (res.status !== 200) throw new Error(`services: ${res.status} ${await res.text()}`)
    const { services } = (await res.json()) as { services: { slug: string }[] }
    return { slugs: services.map((s) => s.slug), from: await readFrom(res) }
  }
}

/** `readFrom` of the request's log line (replica or primary), found by its request id. */
async function readFrom(res: Response): Promise<string> {
  const id = res.headers.get('x-request-id')
  return waitFor(
    'the request log line',
    () => {
      const line = app.output.find(
        (l) => l.includes(`"reqId":"${id}"`) && l.includes('"msg":"request"'),
      )
      const from = line && String((JSON.parse(line) as { readFrom?: string }).readFrom)
      return Promise.resolve(from || undefined)
    },
    10_000,
  )
}

async function createService(slug: string) {
  const res = await writer.send('POST', '/api/v1/services', {
    slug,
    name: slug,
    tier: 3,
    sloTarget: 0.99,
  })
  expect(res.status, await res.clone().text()).toBe(201)
}

const slugsOn = async (db: typeof onPrimary) =>
  (await db.selectFrom('services').select('slug').execute()).map((r) => r.slug)

const logged = (msg: string) =>
  app.output
    .filter((l) => l.includes(`"msg":"${msg}`))
    .map((l) => JSON.parse(l) as Record<string, unknown>)

beforeAll(async () => {
  primary = await PgServer.create(await freePort())
  await primary.start()
  const admin = createDb(primary.url, { max: 1 })
  await sql`SELECT pg_create_physical_replication_slot(${SLOT})`.execute(admin)
  await admin.destroy()
  await primary.stop()
  standby = await PgServer.standbyOf(primary, await freePort(), SLOT)
  await primary.start()
  await standby.start()
  onPrimary = createDb(primary.url, { max: 2, onError: () => {} })
  onStandby = createDb(standby.url, { max: 2, onError: () => {} })
  await waitFor('the standby to stream', async () => {
    const { rows } = await sql<{ state: string }>`
      SELECT state FROM pg_stat_replication WHERE application_name = 'opsdeck_standby'`.execute(
      onPrimary,
    )
    return rows[0]?.state === 'streaming' ? true : undefined
  })

  app = await AppProcess.start({
    DATABASE_URL: primary.url,
    DATABASE_REPLICA_URL: standby.url,
    DATABASE_REPLICA_LAG_SECONDS: String(MAX_LAG_S),
  })
  await app.ready()
  writer = new Browser()
  await writer.signIn(ADMIN.email, ADMIN.password)
  // The reader is another user, a viewer, added by the admin.
  const viewer = { email: 'viewer@faults.opsdeck.local', password: 'fault-suite-viewer-2026' }
  const added = await writer.send('POST', '/api/v1/users', {
    ...viewer,
    name: 'Viewer',
    role: 'viewer',
  })
  expect(added.status, await added.clone().text()).toBe(201)
  reader = new Browser()
  await reader.signIn(viewer.email, viewer.password)
})

afterAll(async () => {
  await app?.dispose()
  await onPrimary?.destroy()
  await onStandby?.destroy()
  await standby?.destroy()
  await primary?.destroy()
})

describe('a streaming read replica', () => {
  it('serves the dashboard’s reads, on connections the app holds to the standby', async () => {
    await waitFor('a read from the replica', async () =>
      (await reader.services()).from === 'replica' ? true : undefined,
    )
    const overview = await reader.send('GET', '/api/v1/overview')
    expect(overview.status).toBe(200)
    expect(await readFrom(overview)).toBe('replica')
    expect(logged('read replica in use').length).toBeGreaterThanOrEqual(1)
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'opsdeck'`.execute(
      onStandby,
    )
    expect(rows[0]!.n).toBeGreaterThan(0)
  })

  it('writes to the primary; the writer reads its write at once, others once the replica has it', async () => {
    await sql`SELECT pg_wal_replay_pause()`.execute(onStandby)
    const pausedAt = Date.now()
    await waitFor('replay to pause', async () => {
      const { rows } = await sql<{ state: string }>`
        SELECT pg_get_wal_replay_pause_state() AS state`.execute(onStandby)
      return rows[0]?.state === 'paused' ? true : undefined
    })

    await createService('written-while-paused')
    expect(await slugsOn(onPrimary)).toContain('written-while-paused')
    expect(await slugsOn(onStandby)).not.toContain('written-while-paused')

    // The writer's browser carries its write's position: the replica has not replayed it.
    const mine = await writer.services()
    expect(mine).toMatchObject({ from: 'primary' })
    expect(mine.slugs).toContain('written-while-paused')
    // The viewer reads the replica, which does not have it yet. (A read may meet the primary
    // while a check is due; the next one is on the replica.)
    const theirs = await waitFor('the viewer on the replica', async () => {
      const read = await reader.services()
      return read.from === 'replica' ? read : undefined
    })
    expect(theirs.slugs).not.toContain('written-while-paused')

    // Replay stays paused: once the replica misses writes older than the bound, everyone reads
    // the primary.
    const switched = await waitFor(
      'the viewer moved to the primary',
      async () => {
        const read = await reader.services()
        return read.from === 'primary' ? read : undefined
      },
      MAX_LAG_S * 1000 + 60_000,
    )
    expect(switched.slugs).toContain('written-while-paused')
    // Not before the bound (less a margin: the lag is timed from the primary's position first seen
    // past the replica's, which may be a moment before the pause).
    expect(Date.now() - pausedAt).toBeGreaterThanOrEqual(MAX_LAG_S * 1000 - 3_000)
    expect(logged('read replica not used').some((l) => /behind/.test(String(l.reason)))).toBe(true)

    await sql`SELECT pg_wal_replay_resume()`.execute(onStandby)
    // The writer's first read from the replica has its write, even with shared answers cached
    // (lib/figures-cache.ts): read-your-writes.
    const mineBack = await waitFor('the writer back on the replica', async () => {
      const r = await writer.services()
      return r.from === 'replica' ? r : undefined
    })
    expect(mineBack.slugs).toContain('written-while-paused')
    // The viewer is back on the replica too, and sees it (a cached answer read from the replica
    // before it replayed the write may be served for up to OPSDECK_CACHE_SECONDS).
    await waitFor('the viewer back on the replica, with the write', async () => {
      const r = await reader.services()
      return r.from === 'replica' && r.slugs.includes('written-while-paused') ? r : undefined
    })
  })

  it('keeps the dashboard answering while the replica is stopped, and goes back to it', async () => {
    const load = startLoad(`${app.base}/api/v1/overview`, 4, { Cookie: reader.cookieHeader() })
    await sleep(1_000)
    await standby.stop()

    // Reads and writes go on against the primary.
    await createService('written-while-stopped')
    const writtenAt = Date.now()
    const read = await waitFor('a read from the primary', async () => {
      const r = await reader.services()
      return r.from === 'primary' ? r : undefined
    })
    expect(read.slugs).toContain('written-while-stopped')
    // Back, the replica takes reads again once within a quarter of the bound: by then it has
    // replayed what was written more than that long ago, so this write.
    await sleep(Math.max(0, writtenAt + (MAX_LAG_S / 4) * 1000 + 2_000 - Date.now()))

    await standby.start()
    const back = await waitFor('reads back on the replica', async () => {
      const r = await reader.services()
      return r.from === 'replica' ? r : undefined
    })
    // It caught up through its slot with what was written while it was away.
    expect(back.slugs).toContain('written-while-stopped')
    await sleep(1_000)
    const outcomes = await load.stop()
    const summary = summarise(outcomes)
    console.log(`[faults] replica stopped and started under load: ${JSON.stringify(summary)}`)

    expect(app.running).toBe(true)
    expect(summary.requests).toBeGreaterThan(0)
    // Not one request failed: reads in flight on the stopping replica went to the primary.
    expect(summary.ok).toBe(summary.requests)
    const notUsed = logged('read replica not used')
    expect(notUsed.some((l) => /does not answer/.test(String(l.reason)))).toBe(true)
    expect(logged('read replica in use').length).toBeGreaterThanOrEqual(3)
  })
})
