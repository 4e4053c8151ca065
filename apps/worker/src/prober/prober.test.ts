import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { sql } from 'kysely'
import pino from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { claimDueChecks, recordChecks } from './leases.ts'
import { startProber } from './prober.ts'
import { syncCheckSchedule } from './sync.ts'
import type { WorkerMetrics } from '../metrics.ts'
import { closedPort, insertProbeService, LOCAL_TARGETS, startHttp, startTcp } from './test-kit.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(async () => {
  await t.drop()
})
// Run in reverse: probers stop, then servers close, then the test's services stop being probed.
const cleanup: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

// Generous: a loaded 2-core machine runs several test files at once.
const WAIT = { timeout: 30_000, interval: 50 }

interface LogLine {
  msg: string
  level: number
  workerId?: string
}

function captureLogs() {
  const lines: LogLine[] = []
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) })
  return { logger, lines }
}

function prober(workerId: string, logger: pino.Logger, concurrency = 2) {
  const p = startProber({
    db: t.db,
    logger,
    workerId,
    concurrency,
    pollMs: 25,
    syncMs: 60_000,
    ...LOCAL_TARGETS,
  })
  cleanup.push(p.stop)
  return p
}

async function service(values: Parameters<typeof insertProbeService>[1]) {
  const id = await insertProbeService(t.db, values)
  cleanup.unshift(() =>
    t.db.updateTable('services').set({ checkMode: 'push' }).where('id', '=', id).execute(),
  )
  return id
}

async function samplesOf(ids: number[]) {
  return t.db
    .selectFrom('checkSamples')
    .select(['serviceId', 'checkedAt', 'status', 'error'])
    .where('serviceId', 'in', ids)
    .orderBy('checkedAt')
    .execute()
}

// Rows released by their worker and not due yet.
async function idle(ids: number[]) {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM check_schedule WHERE service_id = ANY(${ids}::bigint[])
      AND leased_by IS NULL AND next_due_at > now()`.execute(t.db)
  return rows[0]!.n
}

describe('startProber', () => {
  it('shares the services between two workers: every slot checked exactly once', async () => {
    // The test drives the schedule: in round r it makes each service due once (next_due_at =
    // now), rather than waiting out the 10 s minimum interval. Each server counts its requests
    // per round.
    const ROUNDS = 8
    let round = 1
    const counts: Map<number, number>[] = []
    const counter = () => {
      const perRound = new Map<number, number>()
      counts.push(perRound)
      return () => perRound.set(round, (perRound.get(round) ?? 0) + 1)
    }
    const ids: number[] = []
    for (let i = 0; i < 4; i++) {
      const hit = counter()
      // Answers take a few tens of ms, so checks overlap and both workers hold leases at once.
      const s = await startHttp((_req, res) => {
        hit()
        setTimeout(() => res.end('ok'), 20 + 10 * i)
      })
      cleanup.push(s.close)
      const at = { checkUrl: s.url('/health'), checkKeyword: 'ok' }
      ids.push(await service({ slug: `shared-http-${i}`, checkIntervalSeconds: 10, ...at }))
    }
    for (let i = 0; i < 2; i++) {
      const s = await startTcp(counter())
      cleanup.push(s.close)
      const at = { checkKind: 'tcp' as const, checkHost: '127.0.0.1', checkPort: s.port }
      ids.push(await service({ slug: `shared-tcp-${i}`, checkIntervalSeconds: 10, ...at }))
    }
    const { logger, lines } = captureLogs()
    // Two checks at a time each, for six services: neither worker can take them all.
    const a = prober('worker-a', logger)
    const b = prober('worker-b', logger)

    for (;;) {
      // The round is over when every service has its sample and its lease is released.
      await vi.waitFor(async () => {
        expect(await samplesOf(ids)).toHaveLength(round * ids.length)
        expect(await idle(ids)).toBe(ids.length)
      }, WAIT)
      for (const perRound of counts) expect(perRound.get(round)).toBe(1)
      if (round === ROUNDS) break
      round++
      const due = await sql`UPDATE check_schedule SET next_due_at = now()
        WHERE service_id = ANY(${ids}::bigint[]) AND leased_by IS NULL`.execute(t.db)
      expect(Number(due.numAffectedRows)).toBe(ids.length)
    }
    await Promise.all([a.stop(), b.stop()])

    // Nothing came late either: one request per service per round, one sample per slot.
    const expected = new Map(Array.from({ length: ROUNDS }, (_, r) => [r + 1, 1]))
    for (const perRound of counts) expect(perRound).toEqual(expected)
    const samples = await samplesOf(ids)
    expect(samples.filter((s) => s.status !== 'up')).toEqual([])
    for (const id of ids) {
      const slots = samples.filter((s) => s.serviceId === id).map((s) => s.checkedAt.getTime())
      expect(new Set(slots).size).toBe(ROUNDS)
    }
    // Both workers did some of the checking.
    const checkedBy = (w: string) => lines.filter((l) => l.msg === 'checked' && l.workerId === w)
    expect(checkedBy('worker-a').length).toBeGreaterThan(0)
    expect(checkedBy('worker-b').length).toBeGreaterThan(0)
    expect(checkedBy('worker-a').length + checkedBy('worker-b').length).toBe(ROUNDS * ids.length)
    expect(lines.filter((l) => l.level >= 40)).toEqual([])
  })

  it("takes over a dead worker's check once its lease expires, and checks it once", async () => {
    const s = await startHttp((_req, res) => res.end('ok'))
    cleanup.push(s.close)
    const id = await service({ slug: 'orphaned', checkUrl: s.url('/health'), checkTimeoutMs: 500 })
    await syncCheckSchedule(t.db)
    // A worker claims the check and dies: it never checks, records or releases.
    const dead = (
      await claimDueChecks(t.db, { workerId: 'dead', limit: 100, leaseMarginMs: 1_000 })
    ).find((c) => c.serviceId === id)!
    const { logger } = captureLogs()
    prober('survivor', logger)

    await vi.waitFor(async () => expect(await samplesOf([id])).toHaveLength(1), WAIT)
    expect(s.hits).toHaveLength(1)
    // Not before the lease ran out, and for the slot the dead worker had taken.
    expect(s.hits[0]!.at).toBeGreaterThanOrEqual(dead.leaseExpiresAt.getTime())
    expect((await samplesOf([id]))[0]).toMatchObject({ checkedAt: dead.slot, status: 'up' })
    await vi.waitFor(async () => expect(await idle([id])).toBe(1), WAIT)
    // Were it only slow, its late result would change nothing: same slot, lease no longer its.
    const late = { status: 'down' as const, latencyMs: null, statusCode: null, error: 'late' }
    expect(await recordChecks(t.db, 'dead', [{ claim: dead, result: late }])).toEqual({
      inserted: 0,
      released: 0,
    })
  })

  it('counts each check for /metrics by what it found, with how long it took', async () => {
    const s = await startHttp((_req, res) => res.end('ok'))
    cleanup.push(s.close)
    const up = await service({ slug: 'counted-up', checkUrl: s.url('/health') })
    const tcp = { checkKind: 'tcp' as const, checkHost: '127.0.0.1', checkPort: await closedPort() }
    const down = await service({ slug: 'counted-down', ...tcp })
    const checks: { outcome: string; seconds: number }[] = []
    const metrics: WorkerMetrics = {
      checked: (outcome, seconds) => checks.push({ outcome, seconds }),
      jobRan: () => {},
    }
    const { logger } = captureLogs()
    const p = startProber({
      db: t.db,
      logger,
      workerId: 'counted',
      concurrency: 4,
      pollMs: 25,
      metrics,
      ...LOCAL_TARGETS,
    })
    cleanup.push(p.stop)
    await vi.waitFor(async () => expect(await samplesOf([up, down])).toHaveLength(2), WAIT)
    expect(checks.map((c) => c.outcome).sort()).toEqual(['down', 'up'])
    for (const { seconds } of checks) {
      expect(seconds).toBeGreaterThan(0)
      expect(seconds).toBeLessThan(30)
    }
  })

  it('on stop, lets a running check finish within its timeout and records it', async () => {
    const s = await startHttp(() => {}) // never answers
    cleanup.push(s.close)
    const id = await service({ slug: 'stopping', checkUrl: s.url('/health'), checkTimeoutMs: 300 })
    const { logger } = captureLogs()
    const p = startProber({
      db: t.db,
      logger,
      workerId: 'stopping',
      concurrency: 4,
      pollMs: 25,
      ...LOCAL_TARGETS,
    })
    await vi.waitFor(() => expect(s.hits).toHaveLength(1), WAIT)
    await p.stop()
    expect(await samplesOf([id])).toMatchObject([
      { status: 'down', error: 'timed out after 300 ms' },
    ])
    expect(await idle([id])).toBe(1)
  })
})
