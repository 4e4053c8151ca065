import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lockFor } from '../locks.ts'
import { createTestDatabase, type TestDatabase } from '../testing.ts'
import { seedDemo, simulateDemoChecks } from './index.ts'
import { DAY, HOUR, MINUTE } from './time.ts'

// A small demo (six services, one day of samples) seeded at T; the tests run in order, each
// moving the clock on from where the previous one left the data.
const T = new Date('2026-11-27T10:30:00Z')
const SEED = 7
const at = (minutes: number) => new Date(T.getTime() + minutes * MINUTE)
let t: TestDatabase
let services: number

beforeAll(async () => {
  t = await createTestDatabase()
  const seeded = await seedDemo(t.db, {
    now: T,
    seed: SEED,
    services: 6,
    rawDays: 1,
    historyMonths: 1,
  })
  services = seeded.rows.services!
}, 120_000)
afterAll(() => t.drop())

const q = async <R>(query: ReturnType<typeof sql<R>>) => (await query.execute(t.db)).rows
const simulate = (now: Date) => simulateDemoChecks(t.db, { now, seed: SEED })

// Raw samples after an instant, as text in a stable order, to compare whole rows.
const samplesAfter = (from: Date) =>
  q(sql<{ row: string }>`SELECT c::text AS row FROM check_samples c
    WHERE checked_at > ${from} ORDER BY service_id, checked_at`).then((r) => r.map((x) => x.row))

describe('simulateDemoChecks', () => {
  it('is flagged on by the seed', async () => {
    const org = await t.db.selectFrom('organisationSettings').select('demoData').executeTakeFirst()
    expect(org?.demoData).toBe(true)
  })

  it('regenerates exactly the samples the seed made, service params included', async () => {
    const cut = at(-60)
    const seeded = await samplesAfter(cut)
    expect(seeded).toHaveLength(60 * services)
    await sql`DELETE FROM check_samples WHERE checked_at > ${cut}`.execute(t.db)
    expect(await simulate(T)).toBe(60 * services)
    expect(await samplesAfter(cut)).toEqual(seeded)
  })

  it('fills every minute since the newest sample, once', async () => {
    expect(await simulate(new Date(at(90).getTime() + 42_000))).toBe(90 * services)
    const perService = await q(sql<{ n: number; first: Date; last: Date }>`
      SELECT count(*)::int AS n, min(checked_at) AS first, max(checked_at) AS last
      FROM check_samples WHERE checked_at > ${T} GROUP BY service_id`)
    expect(perService).toHaveLength(services)
    for (const s of perService) expect(s).toEqual({ n: 90, first: at(1), last: at(90) })
    expect(await simulate(at(90))).toBe(0)
    // Two workers at once: one takes the lock, the other finds it taken and does nothing.
    const both = await Promise.all([simulate(at(95)), simulate(at(95))])
    expect(both.sort((a, b) => a - b)).toEqual([0, 5 * services])
  })

  it('keeps the hourly and daily rollups equal to the raw samples', async () => {
    const from = new Date(Math.floor(T.getTime() / HOUR) * HOUR)
    const mismatches = await q(sql`
      (SELECT service_id, date_trunc('hour', checked_at, 'UTC') AS bucket_start,
        count(*)::int AS samples, count(*) FILTER (WHERE status = 'up' AND NOT in_maintenance)::int,
        count(*) FILTER (WHERE status = 'down' AND NOT in_maintenance)::int,
        count(latency_ms)::int, coalesce(sum(latency_ms), 0)::bigint
      FROM check_samples WHERE checked_at >= ${from} GROUP BY 1, 2
      EXCEPT
      SELECT service_id, bucket_start, samples, up, down, latency_count, latency_sum_ms
      FROM check_rollup_hourly WHERE bucket_start >= ${from})
      UNION ALL
      (SELECT service_id, date_trunc('day', bucket_start, 'Europe/London'), sum(samples)::int,
        sum(up)::int, sum(down)::int, sum(latency_count)::int, sum(latency_sum_ms)::bigint
      FROM check_rollup_hourly WHERE bucket_start >= '2026-11-27' GROUP BY 1, 2
      EXCEPT
      SELECT service_id, bucket_start, samples, up, down, latency_count, latency_sum_ms
      FROM check_rollup_daily WHERE bucket_start >= '2026-11-27')`)
    expect(mismatches).toEqual([])
    const [hours] = await q(sql<{ n: number; samples: number }>`
      SELECT count(*)::int AS n, sum(samples)::int AS samples FROM check_rollup_hourly
      WHERE bucket_start >= ${from}`)
    // 10:00 to 12:05 UTC: three hours, the last partly filled.
    expect(hours).toEqual({ n: 3 * services, samples: 126 * services })
  })

  it('keeps a service with an open outage down', async () => {
    const open = await q(sql<{ serviceId: number }>`
      SELECT s.service_id FROM incidents i JOIN incident_services s ON s.incident_id = i.id
      WHERE s.impact = 'outage' AND i.mitigated_at IS NULL AND i.resolved_at IS NULL`)
    expect(open.length).toBeGreaterThan(0)
    for (const { serviceId } of open) {
      const statuses = await q(sql<{ status: string; n: number }>`
        SELECT status, count(*)::int AS n FROM check_samples
        WHERE service_id = ${serviceId} AND checked_at > ${T} GROUP BY 1`)
      expect(statuses).toEqual([{ status: 'down', n: 95 }])
    }
  })

  it('applies a maintenance window when the clock reaches it', async () => {
    const [service] = await t.db.selectFrom('services').select('id').orderBy('id').execute()
    await t.db
      .insertInto('maintenanceWindows')
      .values({ serviceId: service!.id, startsAt: at(100), endsAt: at(130), reason: 'test' })
      .execute()
    expect(await simulate(at(140))).toBe(45 * services)
    const flagged = await q(sql<{ serviceId: number; first: Date; last: Date; n: number }>`
      SELECT service_id, min(checked_at) AS first, max(checked_at) AS last, count(*)::int AS n
      FROM check_samples WHERE in_maintenance AND checked_at > ${T} GROUP BY 1`)
    expect(flagged).toEqual([{ serviceId: service!.id, first: at(100), last: at(129), n: 30 }])
  })

  it('does nothing while a re-label of the daily rollups holds its lock, or waits for it when asked', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let locked = () => {}
    const taken = new Promise<void>((resolve) => (locked = resolve))
    const relabel = t.db.transaction().execute(async (trx) => {
      await lockFor(trx, 'opsdeck:demo-checks')
      locked()
      await held
    })
    await taken
    expect(await simulate(at(150))).toBe(0)
    // Waiting for it, as the worker does for a few seconds, a run goes on once it is let go.
    const waiting = simulateDemoChecks(t.db, { now: at(150), seed: SEED, lockWaitMs: 30_000 })
    release()
    await relabel
    expect(await waiting).toBe(10 * services)
  })

  it('writes daily rollups as days of the zone the table holds, not of a newly chosen one', async () => {
    // An admin has chosen New York; the worker has not re-labelled the London days yet.
    await t.db.updateTable('organisationSettings').set({ timezone: 'America/New_York' }).execute()
    try {
      expect(await simulate(at(170))).toBe(20 * services)
    } finally {
      await t.db.updateTable('organisationSettings').set({ timezone: 'Europe/London' }).execute()
    }
    const mismatches = await q(sql`
      (SELECT service_id, date_trunc('day', bucket_start, 'Europe/London'), sum(samples)::int
      FROM check_rollup_hourly WHERE bucket_start >= '2026-11-27' GROUP BY 1, 2
      EXCEPT
      SELECT service_id, bucket_start, samples FROM check_rollup_daily
      WHERE bucket_start >= '2026-11-27')
      UNION ALL
      (SELECT service_id, bucket_start, samples FROM check_rollup_daily
      WHERE bucket_start >= '2026-11-27'
      EXCEPT
      SELECT service_id, date_trunc('day', bucket_start, 'Europe/London'), sum(samples)::int
      FROM check_rollup_hourly WHERE bucket_start >= '2026-11-27' GROUP BY 1, 2)`)
    expect(mismatches).toEqual([])
  })

  it('leaves alone a service the prober checks and an archived one', async () => {
    const [probed, archived] = await t.db
      .selectFrom('services')
      .select('id')
      .orderBy('id')
      .execute()
    const set = (values: { checkMode?: 'probe' | 'push'; archivedAt?: Date | null }, id: number) =>
      t.db.updateTable('services').set(values).where('id', '=', id).execute()
    await set({ checkMode: 'probe' }, probed!.id)
    await set({ archivedAt: T }, archived!.id)
    try {
      expect(await simulate(at(180))).toBe(10 * (services - 2))
    } finally {
      await set({ checkMode: 'push' }, probed!.id)
      await set({ archivedAt: null }, archived!.id)
    }
    const fed = await q(sql<{ serviceId: number }>`SELECT DISTINCT service_id FROM check_samples
      WHERE checked_at > ${at(170)} ORDER BY 1`)
    expect(fed.map((r) => r.serviceId)).not.toContain(probed!.id)
    expect(fed.map((r) => r.serviceId)).not.toContain(archived!.id)
    expect(fed).toHaveLength(services - 2)
  })

  it('fills at most 30 days after a long pause', async () => {
    const now = new Date(T.getTime() + 40 * DAY)
    expect(await simulate(now)).toBe((30 * 1440 + 1) * services)
    const [gap] = await q(sql<{ before: Date; after: Date }>`
      SELECT max(checked_at) FILTER (WHERE checked_at < ${now}::timestamptz - interval '30 days') AS before,
        min(checked_at) FILTER (WHERE checked_at >= ${now}::timestamptz - interval '30 days') AS after
      FROM check_samples`)
    expect(gap).toEqual({ before: at(180), after: new Date(now.getTime() - 30 * DAY) })
    const [rolled] = await q(sql<{ samples: number }>`
      SELECT sum(samples)::int AS samples FROM check_rollup_daily
      WHERE bucket_start >= ${new Date(now.getTime() - 31 * DAY)}`)
    expect(rolled!.samples).toBe((30 * 1440 + 1) * services)
  })

  it('keeps simulating while the prober records newer samples of its own service', async () => {
    // The prober writes at any second, up to now: its samples must not move the demo's next minute.
    const start = new Date(T.getTime() + 40 * DAY)
    const [probed] = await t.db.selectFrom('services').select('id').orderBy('id').execute()
    await t.db
      .updateTable('services')
      .set({ checkMode: 'probe' })
      .where('id', '=', probed!.id)
      .execute()
    try {
      await sql`INSERT INTO check_samples (service_id, checked_at, status, latency_ms)
        VALUES (${probed!.id}, ${new Date(start.getTime() + 9 * MINUTE + 30_000)}, 'up', 12)`.execute(
        t.db,
      )
      expect(await simulate(new Date(start.getTime() + 10 * MINUTE))).toBe(10 * (services - 1))
    } finally {
      await t.db
        .updateTable('services')
        .set({ checkMode: 'push' })
        .where('id', '=', probed!.id)
        .execute()
    }
    const offMinute = await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM check_samples
      WHERE checked_at > ${start} AND service_id <> ${probed!.id}
        AND date_trunc('minute', checked_at) <> checked_at`)
    expect(offMinute).toEqual([{ n: 0 }])
  })

  it('keeps to whole minutes after a sample pushed at another second', async () => {
    const start = new Date(T.getTime() + 40 * DAY + 10 * MINUTE)
    const [pushed] = await t.db.selectFrom('services').select('id').orderBy('id').execute()
    const odd = new Date(start.getTime() + 4 * MINUTE + 30_000)
    await sql`INSERT INTO check_samples (service_id, checked_at, status, latency_ms)
      VALUES (${pushed!.id}, ${odd}, 'up', 12)`.execute(t.db)
    // The minutes after the pushed sample, 10:05 to 10:10 past the start, every service.
    expect(await simulate(new Date(start.getTime() + 10 * MINUTE))).toBe(6 * services)
    const offMinute = await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM check_samples
      WHERE checked_at > ${start} AND checked_at <> ${odd}
        AND date_trunc('minute', checked_at) <> checked_at`)
    expect(offMinute).toEqual([{ n: 0 }])
  })

  it('does nothing unless the data is the demo', async () => {
    await t.db.updateTable('organisationSettings').set({ demoData: false }).execute()
    const before = await q(sql<{ n: number }>`SELECT count(*)::int AS n FROM check_samples`)
    expect(await simulate(new Date(T.getTime() + 41 * DAY))).toBe(0)
    expect(await q(sql`SELECT count(*)::int AS n FROM check_samples`)).toEqual(before)
  })

  it('does nothing in a demo database without samples', async () => {
    const empty = await createTestDatabase()
    try {
      await empty.db.updateTable('organisationSettings').set({ demoData: true }).execute()
      expect(await simulateDemoChecks(empty.db, { now: T })).toBe(0)
    } finally {
      await empty.drop()
    }
  })
})
