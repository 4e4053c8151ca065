import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../testing.ts'
import { isDatabaseEmpty, seedDemo, type SeedResult } from './index.ts'

// The full demo, seeded once for the file (about 25 s on two cores).
const now = new Date('2026-11-27T10:30:20Z')
let t: TestDatabase
let seeded: SeedResult

beforeAll(async () => {
  t = await createTestDatabase()
  seeded = await seedDemo(t.db, { now, seed: 7 })
}, 120_000)
afterAll(() => t.drop())

const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.db)).rows

describe('seedDemo', () => {
  it('builds a plausible IT department', async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(false)
    const { rows } = seeded
    expect(rows.teams).toBe(5)
    expect(rows.people).toBeGreaterThanOrEqual(40)
    expect(rows.people).toBeLessThanOrEqual(50)
    expect(rows.services).toBeGreaterThanOrEqual(35)
    expect(rows.services).toBeLessThanOrEqual(45)
    expect(rows.incidents).toBe(150)
    expect(rows.projects).toBe(10)
    const [org] = await q(sql<{ name: string; timezone: string; currency: string }>`
      SELECT name, timezone, currency FROM organisation_settings`)
    expect(org).toEqual({
      name: 'Northbridge Council IT',
      timezone: 'Europe/London',
      currency: 'GBP',
    })
    const slos = await q(sql<{ tier: number; lo: number; hi: number }>`
      SELECT tier, min(slo_target) AS lo, max(slo_target) AS hi FROM services GROUP BY 1 ORDER BY 1`)
    expect(slos[0]!.lo).toBeGreaterThanOrEqual(0.999)
    expect(slos[2]!.hi).toBeLessThanOrEqual(0.995)
  })

  it('has one raw sample a minute per service for 30 days, up to now and not after', async () => {
    const perService = await q(sql<{ n: number; first: Date; last: Date }>`
      SELECT count(*)::int AS n, min(checked_at) AS first, max(checked_at) AS last
      FROM check_samples GROUP BY service_id`)
    expect(perService).toHaveLength(seeded.rows.services!)
    // 30 days back from the start of the hour, to the whole minute of `now`.
    const expected = 30 * 1440 + 30 + 1
    for (const s of perService) {
      expect(s).toEqual({
        n: expected,
        first: seeded.rawStart,
        last: new Date('2026-11-27T10:30:00Z'),
      })
    }
  })

  it('keeps the hourly rollups equal to the raw samples', async () => {
    const [total] = await q(sql<{ raw: number; hourly: number }>`
      SELECT (SELECT count(*)::int FROM check_samples) AS raw,
        (SELECT sum(samples)::int FROM check_rollup_hourly WHERE bucket_start >= ${seeded.rawStart}) AS hourly`)
    expect(total!.hourly).toBe(total!.raw)
    const mismatches = await q(sql`
      SELECT service_id, date_trunc('hour', checked_at, 'UTC') AS bucket_start, count(*)::int,
        count(*) FILTER (WHERE status = 'down' AND NOT in_maintenance)::int,
        count(*) FILTER (WHERE in_maintenance)::int, count(latency_ms)::int
      FROM check_samples GROUP BY 1, 2
      EXCEPT
      SELECT service_id, bucket_start, samples, down, maintenance, latency_count
      FROM check_rollup_hourly WHERE bucket_start >= ${seeded.rawStart}`)
    expect(mismatches).toEqual([])
  })

  it('keeps the daily rollups equal to the hourly ones over 13 months', async () => {
    const [range] = await q(sql<{ first: Date; days: number }>`
      SELECT min(bucket_start) AS first, count(DISTINCT bucket_start)::int AS days FROM check_rollup_daily`)
    expect(range!.first).toEqual(new Date('2025-10-27T00:00:00Z')) // local midnight, GMT
    expect(range!.days).toBeGreaterThan(390)
    const mismatches = await q(sql`
      SELECT service_id, date_trunc('day', bucket_start, 'Europe/London'), sum(samples)::int,
        sum(up)::int, sum(degraded)::int, sum(down)::int, sum(maintenance)::int,
        sum(latency_count)::int, sum(latency_sum_ms)::bigint
      FROM check_rollup_hourly GROUP BY 1, 2
      EXCEPT
      SELECT service_id, bucket_start, samples, up, degraded, down, maintenance, latency_count,
        latency_sum_ms
      FROM check_rollup_daily`)
    expect(mismatches).toEqual([])
    const [bad] = await q(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM check_rollup_hourly
      WHERE samples <> up + degraded + down + maintenance
        OR latency_count <> (SELECT coalesce(sum(x), 0) FROM unnest(latency_hist) AS x)`)
    expect(bad!.n).toBe(0)
  })

  it('shows every incident outage as down samples, raw and rolled up', async () => {
    const outages = await q(sql<{ ref: string; raw: boolean; minutes: number; down: number }>`
      SELECT i.ref, i.started_at >= ${seeded.rawStart} AS raw,
        ceil(extract(epoch FROM coalesce(i.mitigated_at, i.resolved_at, ${now}::timestamptz)
          - i.started_at) / 60)::int AS minutes,
        CASE WHEN i.started_at >= ${seeded.rawStart} THEN
          (SELECT count(*) FILTER (WHERE c.status <> 'down') FROM check_samples c
            WHERE c.service_id = s.service_id AND c.checked_at >= i.started_at
              AND c.checked_at < coalesce(i.mitigated_at, i.resolved_at, ${now}::timestamptz + interval '1 minute'))
        ELSE (SELECT sum(h.down + h.maintenance) FROM check_rollup_hourly h
            WHERE h.service_id = s.service_id AND h.bucket_start > i.started_at - interval '1 hour'
              AND h.bucket_start < coalesce(i.mitigated_at, i.resolved_at)) END::int AS down
      FROM incidents i JOIN incident_services s ON s.incident_id = i.id
      WHERE s.impact = 'outage' AND i.started_at >= ${seeded.historyStart}`)
    expect(outages.length).toBeGreaterThan(40)
    for (const o of outages) {
      // Raw: no sample in the outage is anything but down. Rolled up: at least its minutes.
      if (o.raw) expect(o, o.ref).toMatchObject({ down: 0 })
      else expect(o.down, o.ref).toBeGreaterThanOrEqual(o.minutes - 1)
    }
  })

  it('marks samples inside maintenance windows, and only those', async () => {
    const [m] = await q(sql<{ inside: number; flagged: number; outside: number }>`
      SELECT
        (SELECT count(*)::int FROM check_samples c WHERE EXISTS (
          SELECT 1 FROM maintenance_windows w WHERE w.service_id = c.service_id
            AND c.checked_at >= w.starts_at AND c.checked_at < w.ends_at)) AS inside,
        (SELECT count(*)::int FROM check_samples WHERE in_maintenance) AS flagged,
        (SELECT count(*)::int FROM check_samples c WHERE in_maintenance AND NOT EXISTS (
          SELECT 1 FROM maintenance_windows w WHERE w.service_id = c.service_id
            AND c.checked_at >= w.starts_at AND c.checked_at < w.ends_at)) AS outside`)
    expect(m!.flagged).toBeGreaterThan(0)
    expect(m).toEqual({ inside: m!.flagged, flagged: m!.flagged, outside: 0 })
  })

  it('keeps weekly windows at their local time across BST, and out of the figures before the raw window', async () => {
    const hours = await q(sql<{ utcHour: number; localHour: number }>`
      SELECT DISTINCT extract(hour FROM w.starts_at AT TIME ZONE 'UTC')::int AS utc_hour,
        extract(hour FROM w.starts_at AT TIME ZONE m.timezone)::int AS local_hour
      FROM maintenance_windows w JOIN maintenance_schedules m ON m.id = w.schedule_id
      WHERE m.local_start = '02:00' ORDER BY 1`)
    // 02:00 local is 01:00 UTC in summer and 02:00 UTC in winter.
    expect(hours).toEqual([
      { utcHour: 1, localHour: 2 },
      { utcHour: 2, localHour: 2 },
    ])
    // The older hourly rollups count every minute of each weekly window as maintenance.
    const windows = await q(sql<{ id: number; minutes: number; maintenance: number }>`
      SELECT w.id, extract(epoch FROM w.ends_at - w.starts_at)::int / 60 AS minutes,
        (SELECT coalesce(sum(h.maintenance), 0)::int FROM check_rollup_hourly h
          WHERE h.service_id = w.service_id AND h.bucket_start >= w.starts_at
            AND h.bucket_start < w.ends_at) AS maintenance
      FROM maintenance_windows w
      WHERE w.schedule_id IS NOT NULL AND w.ends_at <= ${seeded.rawStart}`)
    expect(windows.length).toBeGreaterThan(100)
    expect(windows.filter((w) => w.maintenance !== w.minutes)).toEqual([])
  })
})
