import { createDb, seedDemo } from '@opsdeck/db'
import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { sql } from 'kysely'
import pino from 'pino'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WorkerMetrics } from './metrics.ts'
import { ensurePartitions, startWorker } from './worker.ts'

interface LogLine {
  level: number
  msg: string
  samples?: number
  err?: { message: string }
  [field: string]: unknown
}

// A debug-level logger whose lines the test can read.
function captureLogs() {
  const lines: LogLine[] = []
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) })
  return { logger, lines }
}

// What the worker counts for /metrics, as '<job> ran' or '<job> failed'.
function recordJobs() {
  const jobs: string[] = []
  const metrics: WorkerMetrics = {
    jobRan: (job, failed) => jobs.push(`${job} ${failed ? 'failed' : 'ran'}`),
    checked: () => {},
  }
  return { metrics, jobs }
}

const MINUTE = 60_000
let t: TestDatabase | undefined
afterEach(async () => {
  await t?.drop()
  t = undefined
})

describe('startWorker', () => {
  it('brings a demo seeded minutes ago up to the current minute', async () => {
    t = await createTestDatabase()
    const seeded = await seedDemo(t.db, {
      now: new Date(Date.now() - 5 * MINUTE),
      services: 6,
      rawDays: 1,
      historyMonths: 1,
    })
    const { logger, lines } = captureLogs()
    const worker = startWorker({ db: t.db, logger })
    // The simulator is one of several jobs the worker starts with; on a busy 2-core CI machine
    // it has been seen to take over 20 s to come round.
    await vi.waitFor(() => expect(lines.map((l) => l.msg)).toContain('simulated demo checks'), {
      timeout: 60_000,
      interval: 50,
    })
    await worker.stop()
    const newest = await sql<{ last: Date; n: number }>`
      SELECT max(checked_at) AS last, count(*)::int AS n FROM check_samples
      WHERE checked_at > ${seeded.now} GROUP BY service_id`.execute(t.db)
    expect(newest.rows).toHaveLength(6)
    const minutes = newest.rows[0]!.n
    expect(minutes).toBeGreaterThanOrEqual(5)
    for (const row of newest.rows) {
      expect(row.n).toBe(minutes)
      expect(Date.now() - row.last.getTime()).toBeLessThan(2 * MINUTE)
    }
    const info = lines.find((l) => l.msg === 'simulated demo checks')
    expect(info).toMatchObject({ level: 30, samples: 6 * minutes })
    expect(lines.filter((l) => l.level >= 50)).toEqual([])
  }, 120_000)

  it('simulates nothing, at debug level, when the data is not the demo', async () => {
    t = await createTestDatabase()
    const { logger, lines } = captureLogs()
    const worker = startWorker({ db: t.db, logger })
    await vi.waitFor(
      () => expect(lines.map((l) => l.msg)).toContain('no demo checks to simulate'),
      { timeout: 20_000, interval: 50 },
    )
    await worker.stop()
    expect(lines.find((l) => l.msg === 'no demo checks to simulate')).toMatchObject({
      level: 20,
      samples: 0,
    })
    expect(
      lines.filter((l) => l.level >= 30 && l.msg !== 'created check-sample partitions'),
    ).toEqual([])
  })

  it('logs failures, one line each without a stack, and keeps running when the database is unreachable', async () => {
    // Nothing listens on port 9 (discard) on loopback: connections are refused at once.
    const db = createDb('postgres://nobody@127.0.0.1:9/none', { connectionTimeoutMs: 1_000 })
    const { logger, lines } = captureLogs()
    const { metrics, jobs } = recordJobs()
    const worker = startWorker({ db, logger, metrics })
    // An outage is a warning: the API logs the outage itself, and a stack would say nothing.
    await vi.waitFor(() => expect(lines.filter((l) => l.level === 40)).toHaveLength(7), {
      timeout: 10_000,
      interval: 50,
    })
    await worker.stop()
    await db.destroy()
    expect(lines.map((l) => l.msg).sort()).toEqual([
      'burn-rate alert evaluation failed',
      'check schedule sync failed',
      'daily rollup re-label failed',
      'demo check simulation failed',
      'maintenance schedule expansion failed',
      'partition maintenance failed',
      'retention failed',
    ])
    expect(JSON.stringify(lines)).not.toContain('stack')
    // Each job's failure is counted under its name (the prober counts checks, not ticks).
    expect(jobs.sort()).toEqual([
      'demo_checks failed',
      'maintenance_schedules failed',
      'partitions failed',
      'relabel_daily_rollups failed',
      'retention failed',
      'slo_alerts failed',
    ])
  })

  it('re-labels the daily rollups in the background after a change of time zone', async () => {
    t = await createTestDatabase()
    const { id } = await t.db
      .insertInto('services')
      .values({ slug: 'payroll', name: 'Payroll', tier: 1, sloTarget: 0.999 })
      .returning('id')
      .executeTakeFirstOrThrow()
    // 02:00 UTC on 5 November: that day in London, still 4 November in New York.
    const hour = { serviceId: id, samples: 60, up: 60, bucketStart: new Date('2026-11-05T02:00Z') }
    await t.db.insertInto('checkRollupHourly').values(hour).execute()
    await t.db
      .insertInto('checkRollupDaily')
      .values({ ...hour, bucketStart: new Date('2026-11-05T00:00Z') })
      .execute()
    await t.db.updateTable('organisationSettings').set({ timezone: 'America/New_York' }).execute()
    const { logger, lines } = captureLogs()
    const worker = startWorker({ db: t.db, logger })
    await vi.waitFor(() => expect(lines.map((l) => l.msg)).toContain('daily rollups re-labelled'), {
      timeout: 20_000,
      interval: 50,
    })
    await worker.stop()
    expect(lines.find((l) => l.msg === 'daily rollups re-labelled')).toMatchObject({
      level: 30,
      from: 'Europe/London',
      to: 'America/New_York',
      rows: 1,
    })
    const days = await t.db
      .selectFrom('checkRollupDaily')
      .select(['bucketStart', 'samples'])
      .execute()
    expect(days).toEqual([{ bucketStart: new Date('2026-11-04T05:00Z'), samples: 60 }])
  })

  it('runs the scheduled reports it is given, and logs their failures', async () => {
    t = await createTestDatabase()
    const { logger, lines } = captureLogs()
    let calls = 0
    const counted = recordJobs()
    const worker = startWorker({
      db: t.db,
      logger,
      metrics: counted.metrics,
      scheduledReports: () => {
        calls += 1
        return Promise.resolve({ runs: 1, sent: 2 })
      },
    })
    const failedCount = recordJobs()
    const failing = startWorker({
      db: t.db,
      logger,
      metrics: failedCount.metrics,
      scheduledReports: () => Promise.reject(new Error('SMTP exploded')),
    })
    await vi.waitFor(() => expect(lines.map((l) => l.msg)).toContain('scheduled reports failed'), {
      timeout: 20_000,
      interval: 50,
    })
    await Promise.all([worker.stop(), failing.stop()])
    expect(calls).toBe(1)
    expect(lines.find((l) => l.msg === 'scheduled reports pass')).toMatchObject({
      level: 20,
      outcome: { runs: 1, sent: 2 },
    })
    expect(lines.find((l) => l.msg === 'scheduled reports failed')).toMatchObject({
      level: 50,
      err: { message: 'SMTP exploded' },
    })
    expect(counted.jobs.filter((j) => j.startsWith('scheduled_reports'))).toEqual([
      'scheduled_reports ran',
    ])
    expect(failedCount.jobs.filter((j) => j.startsWith('scheduled_reports'))).toEqual([
      'scheduled_reports failed',
    ])
  })

  it('keeps the sample partitions a week ahead', async () => {
    t = await createTestDatabase()
    const now = new Date('2026-11-27T23:59:00Z')
    expect(await ensurePartitions(t.db, now)).toBe(8)
    expect(await ensurePartitions(t.db, now)).toBe(0)
    const { rows } = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'check_samples'::regclass ORDER BY 1`.execute(t.db)
    const days = ['1127', '1128', '1129', '1130', '1201', '1202', '1203', '1204']
    expect(rows.map((r) => r.name)).toEqual(days.map((d) => `check_samples_2026${d}`))
  })
})
