import { createDb, migrateToLatest } from '@opsdeck/db'
import { sql } from 'kysely'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppProcess, freePort } from './app-process.ts'
import { PgServer } from './pg-server.ts'

// Several instances: two API processes and two workers (`--role`) over one PostgreSQL, as behind
// a load balancer. Sessions hold across the APIs; the workers probe each service once per
// interval, deliver a scheduled report once and apply retention once, coordinating only through
// the database. The probe targets and the webhook are this test's own HTTP server on loopback.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const DAY_MS = 86_400_000
// The shortest interval a service may have (services.check_interval_seconds ≥ 10).
const INTERVAL_S = 10
const SERVICES = ['inst-a', 'inst-b', 'inst-c', 'inst-d']
const SAMPLES_EACH = 4
// A day well past the 30-day raw retention: its partition is the one to drop.
const OLD_DAY = new Date(Date.now() - 60 * DAY_MS).toISOString().slice(0, 10)
const OLD_PARTITION = `check_samples_${OLD_DAY.replaceAll('-', '')}`

let pg: PgServer
let db: ReturnType<typeof createDb>
let apis: AppProcess[] = []
let workers: AppProcess[] = []
let target: Awaited<ReturnType<typeof startTarget>>
let scheduleId: number
let cookie: string
let barrier: Awaited<ReturnType<typeof holdLock>> | undefined

beforeAll(async () => {
  const startedAt = Date.now()
  target = await startTarget()
  pg = await PgServer.create(await freePort())
  await pg.start()
  db = createDb(pg.url, { max: 3, statementTimeoutMs: 30_000 })
  await migrateToLatest(db)

  // An old partition with a sample in it, for retention.
  await sql`SELECT ensure_check_sample_partitions(${OLD_DAY}::date, ${OLD_DAY}::date)`.execute(db)
  const retired = await db
    .insertInto('services')
    .values({ slug: 'retired', name: 'Retired', tier: 3, sloTarget: 0.99 })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('checkSamples')
    .values({ serviceId: retired.id, checkedAt: new Date(`${OLD_DAY}T12:00:00Z`), status: 'up' })
    .execute()

  // A monthly report due a minute ago, to a webhook on loopback: the API refuses such a URL at
  // save time, so the row is written here, as the reports tests do.
  const schedule = await db
    .insertInto('reportSchedules')
    .values({
      name: 'Several instances',
      periodKind: 'month',
      nextRunAt: new Date(Date.now() - 60_000),
      webhookUrl: `${target.url}/hooks/opsdeck`,
      createdByUserId: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  scheduleId = schedule.id

  // Every process makes sure of the sample partitions as it starts, under this lock: holding it
  // until all four wait on it lines them up, so that both workers' first runs (retention, the
  // reports pass, the prober) start together rather than one after the other.
  barrier = await holdLock('opsdeck:partitions')
  const shared = { DATABASE_URL: pg.url }
  apis = await Promise.all(
    // The longest cache allowed, so that its expiry explains nothing a test sees within minutes.
    [1, 2].map(() =>
      AppProcess.start({ ...shared, LOG_LEVEL: 'warn', OPSDECK_CACHE_SECONDS: '300' }, [
        '--role=api',
      ]),
    ),
  )
  workers = await Promise.all(
    [1, 2].map((n) =>
      AppProcess.start(
        {
          ...shared,
          LOG_LEVEL: 'debug',
          OPSDECK_WORKER_ID: `worker-${n}`,
          OPSDECK_PROBE_ALLOW_LOOPBACK: 'true',
          // One check at a time each, so that both workers take a share of every interval.
          OPSDECK_PROBE_CONCURRENCY: '1',
        },
        ['--role=worker'],
      ),
    ),
  )
  await waitUntil(
    'all four processes wait on the start-up lock',
    async () => {
      const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`.execute(
        db,
      )
      for (const p of [...apis, ...workers]) if (!p.running) throw new Error(tail(p))
      return rows[0]?.n === 4
    },
    180_000,
  )
  await barrier.release()
  await Promise.all(apis.map((api) => api.ready()))
  for (const w of workers) await waitUntil('the worker runs', () => logged(w, 'worker running'))

  console.log(`[faults] instances: 2 APIs and 2 workers up in ${Date.now() - startedAt} ms`)

  // The services to probe, added through the first API as a manager would.
  cookie = await apis[0]!.signIn()
  for (const slug of SERVICES) {
    const res = await fetch(`${apis[0]!.base}/api/v1/services`, {
      method: 'POST',
      headers: { ...json, Cookie: cookie },
      body: JSON.stringify({
        slug,
        name: `Instances ${slug}`,
        tier: 2,
        sloTarget: 0.99,
        check: {
          mode: 'probe',
          kind: 'http',
          url: `${target.url}/probe/${slug}`,
          intervalSeconds: INTERVAL_S,
          timeoutMs: 3_000,
          degradedLatencyMs: 2_000,
        },
      }),
    })
    expect(res.status, await res.clone().text()).toBe(201)
  }
}, 300_000)

afterAll(async () => {
  await barrier?.release()
  await Promise.all([...apis, ...workers].map((p) => p.dispose()))
  await db?.destroy()
  await pg?.destroy()
  await target?.close()
})

describe('two APIs and two workers over one PostgreSQL', () => {
  it('keeps a session across the APIs: signed in on one, used and signed out on the other', async () => {
    const [a, b] = apis as [AppProcess, AppProcess]
    const session = await a.signIn()
    const me = (api: AppProcess) =>
      fetch(`${api.base}/api/v1/auth/me`, { headers: { Cookie: session } })
    // Used on both, so that each instance remembers who the cookie is (its actor cache).
    const onB = await me(b)
    expect(onB.status).toBe(200)
    expect(await onB.json()).toMatchObject({ user: { email: 'admin@faults.opsdeck.local' } })
    expect((await me(a)).status).toBe(200)

    const out = await fetch(`${b.base}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { ...json, Cookie: session },
    })
    expect(out.status).toBe(204)
    const signedOutAt = Date.now()
    expect((await me(b)).status).toBe(401)
    // A hears of the sign-out from B (NOTIFY), not from its cache expiring (150 s here).
    await waitUntil('A refuses the cookie', async () => (await me(a)).status === 401, 30_000)
    console.log(
      `[faults] sessions: signed out on B, refused on A after ${Date.now() - signedOutAt} ms`,
    )
  })

  it('drops an old sample partition once, with no worker failing', async () => {
    // Both workers apply retention as they start; wait for both outcomes.
    const outcomes = () =>
      workers.map((w) =>
        entries(w).filter((e) =>
          ['applied raw-sample and rollup retention', 'nothing past retention'].includes(e.msg),
        ),
      )
    await waitUntil('both workers applied retention', () => outcomes().every((o) => o.length > 0))
    const dropped = outcomes()
      .flat()
      .flatMap((e) => (e.dropped as string[] | undefined) ?? [])
    console.log(`[faults] retention: ${OLD_PARTITION} dropped by ${dropped.length} worker(s)`)
    expect(dropped).toEqual([OLD_PARTITION])
    const { rows } = await sql<{ gone: boolean }>`
      SELECT to_regclass(${OLD_PARTITION}) IS NULL AS gone`.execute(db)
    expect(rows[0]?.gone).toBe(true)
    for (const w of workers) expect(failures(w)).toEqual([])
  })

  it('delivers a scheduled report once', async () => {
    await waitUntil('the delivery is sent', async () => {
      const rows = await deliveries()
      return rows.some((r) => r.status === 'sent')
    })
    // Both workers have made a pass over the schedules since they started.
    await waitUntil('both workers made a reports pass', () =>
      workers.every((w) => entries(w).some((e) => e.msg === 'scheduled reports pass')),
    )
    expect(target.webhooks).toHaveLength(1)
    expect(await deliveries()).toEqual([
      expect.objectContaining({ channel: 'webhook', status: 'sent', attempts: 1 }),
    ])
    expect(await snapshotsOfSchedule()).toBe(1)
  })

  it('probes each service once per interval, the two workers sharing the checks', async () => {
    const ids = await serviceIds()
    await waitUntil(
      `${SAMPLES_EACH} samples of every service`,
      async () => {
        const counts = await sampleCounts(ids)
        return SERVICES.every((slug) => (counts.get(slug) ?? 0) >= SAMPLES_EACH)
      },
      180_000,
    )
    // Stopped, the workers finish and record the checks they have begun: what the target saw
    // and what the database holds can then be compared whole.
    for (const w of workers) w.kill('SIGTERM')
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0])

    const samples = await db
      .selectFrom('checkSamples as c')
      .innerJoin('services as s', 's.id', 'c.serviceId')
      .select(['s.slug', 'c.checkedAt', 'c.status'])
      .where('s.slug', 'in', SERVICES)
      .orderBy('s.slug')
      .orderBy('c.checkedAt')
      .execute()
    const byWorker = new Map<string, number>()
    for (const slug of SERVICES) {
      const own = samples.filter((s) => s.slug === slug)
      // Each hit at the target is one sample: a slot checked twice would be two hits, one row.
      expect(target.hits.get(slug) ?? 0, slug).toBe(own.length)
      expect(own.every((s) => s.status === 'up')).toBe(true)
      // One slot per interval, in the schedule's phase: no two checks within an interval.
      const gaps = own.slice(1).map((s, i) => s.checkedAt.getTime() - own[i]!.checkedAt.getTime())
      for (const gap of gaps) {
        expect(gap % (INTERVAL_S * 1000), `${slug}: ${gaps.join(', ')} ms`).toBe(0)
        expect(gap).toBeGreaterThanOrEqual(INTERVAL_S * 1000)
      }
    }
    // Who checked what, from the workers' own lines: each slot of each service once.
    const checked = workers.flatMap((w) =>
      entries(w).filter((e) => e.msg === 'checked' && SERVICES.includes(e.service as string)),
    )
    const slots = checked.map((e) => `${e.service as string} ${e.slot as string}`)
    expect(new Set(slots).size).toBe(slots.length)
    expect(checked).toHaveLength(samples.length)
    for (const e of checked)
      byWorker.set(e.workerId as string, (byWorker.get(e.workerId as string) ?? 0) + 1)
    console.log(
      `[faults] probing: ${samples.length} samples of ${SERVICES.length} services, ` +
        `hits ${[...target.hits.values()].join('/')}, by worker ${JSON.stringify(Object.fromEntries(byWorker))}, ` +
        `waits for a worker connection over 2 s: ${workers.map((w) => poolWaits(w)).join('/')}`,
    )
    expect([...byWorker.keys()].sort()).toEqual(['worker-1', 'worker-2'])
    for (const w of workers) expect(failures(w)).toEqual([])
  }, 300_000)

  it('sent nothing more by the time both workers stopped', async () => {
    expect(workers.every((w) => !w.running)).toBe(true)
    expect(target.webhooks).toHaveLength(1)
    expect(await deliveries()).toEqual([
      expect.objectContaining({ channel: 'webhook', status: 'sent', attempts: 1 }),
    ])
    // What each worker's passes did, summed: the run made, frozen and sent once between them.
    const done = workers.map((w) => {
      const sum = { passes: 0, runs: 0, frozen: 0, sent: 0, failed: 0 }
      for (const e of entries(w)) {
        if (e.msg !== 'scheduled reports pass') continue
        const o = e.outcome as PassOutcome
        sum.passes += 1
        sum.runs += o.runs
        sum.frozen += o.frozen
        sum.sent += o.sent
        sum.failed += o.failed
      }
      return sum
    })
    console.log(`[faults] reports, by worker: ${JSON.stringify(done)}`)
    expect(done.every((d) => d.passes >= 2)).toBe(true)
    const total = (key: keyof PassOutcome) => done.reduce((n, d) => n + d[key], 0)
    expect([total('runs'), total('frozen'), total('sent'), total('failed')]).toEqual([1, 1, 1, 0])
  })
})

const json = { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' }

/** What the worker logs of each pass over the report schedules. */
type PassOutcome = { runs: number; frozen: number; sent: number; failed: number }

type Entry = { msg: string; level: number } & Record<string, unknown>

/** The process's pino lines, parsed. */
function entries(p: AppProcess): Entry[] {
  return p.output.flatMap((line) => {
    if (!line.startsWith('{')) return []
    try {
      return [JSON.parse(line) as Entry]
    } catch {
      return []
    }
  })
}

const logged = (p: AppProcess, text: string) => p.output.some((l) => l.includes(text))
// Warnings and errors: a job that failed, a check that crashed, a lease lost. Not a job that
// waited over 2 s for one of the worker's three connections: a loaded machine, not a conflict.
const poolWait = (e: Entry) =>
  e.level < 50 && /no database connection free/.test(JSON.stringify(e.error))
const poolWaits = (p: AppProcess) => entries(p).filter(poolWait).length
const failures = (p: AppProcess) =>
  entries(p)
    .filter((e) => (e.level >= 40 || /failed|crashed|expired/.test(e.msg)) && !poolWait(e))
    .map((e) => `${e.msg} ${JSON.stringify(e.error ?? e.err ?? '')}`)
const tail = (p: AppProcess) => `a process exited:\n${p.output.slice(-20).join('\n')}`

async function waitUntil(
  what: string,
  test: () => boolean | Promise<boolean>,
  timeoutMs = 120_000,
) {
  const deadline = Date.now() + timeoutMs
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`)
    await sleep(200)
  }
}

/** Holds an advisory lock by the name lockFor uses, on a connection of its own, until released. */
async function holdLock(name: string) {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  let held = () => {}
  const holding = new Promise<void>((resolve) => (held = resolve))
  const done = db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(hashtext(${name}))`.execute(conn)
    held()
    await released
    await sql`SELECT pg_advisory_unlock(hashtext(${name}))`.execute(conn)
  })
  await holding
  return {
    release: async () => {
      release()
      await done
    },
  }
}

function deliveries() {
  return db
    .selectFrom('reportDeliveries')
    .select(['channel', 'status', 'attempts', 'lastError'])
    .where('scheduleId', '=', scheduleId)
    .execute()
}

async function snapshotsOfSchedule() {
  const rows = await db
    .selectFrom('reportSnapshots')
    .select('id')
    .where('scheduleId', '=', scheduleId)
    .execute()
  return rows.length
}

async function serviceIds() {
  const rows = await db
    .selectFrom('services')
    .select(['id', 'slug'])
    .where('slug', 'in', SERVICES)
    .execute()
  return rows.map((r) => r.id)
}

async function sampleCounts(ids: number[]) {
  const rows = await db
    .selectFrom('checkSamples as c')
    .innerJoin('services as s', 's.id', 'c.serviceId')
    .select(['s.slug', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.serviceId', 'in', ids)
    .groupBy('s.slug')
    .execute()
  return new Map(rows.map((r) => [r.slug, Number(r.n)]))
}

/** Loopback HTTP: /probe/<slug> answers 200 and counts the hit; /hooks/opsdeck keeps the body. */
async function startTarget() {
  const hits = new Map<string, number>()
  const webhooks: unknown[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const probe = /^\/probe\/([a-z-]+)$/.exec(req.url ?? '')
      if (probe?.[1]) hits.set(probe[1], (hits.get(probe[1]) ?? 0) + 1)
      else if (req.url === '/hooks/opsdeck')
        webhooks.push(JSON.parse(Buffer.concat(chunks).toString()))
      res.writeHead(probe || req.url === '/hooks/opsdeck' ? 200 : 404).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    webhooks,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
