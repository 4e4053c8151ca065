import { lockFor, seedDemo, tryLockFor } from '@opsdeck/db'
import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { relabelDailyRollups } from './relabel-daily-rollups.ts'

// A small demo (four services, a month of history in London days); the tests run in order, each
// starting from the zones the previous one left.
let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
  await seedDemo(t.db, {
    now: new Date('2026-11-27T10:30:00Z'),
    services: 4,
    rawDays: 2,
    historyMonths: 1,
  })
}, 120_000)
afterAll(() => t.drop())

const setZone = (timezone: string) =>
  t.db.updateTable('organisationSettings').set({ timezone }).execute()
const zones = () =>
  t.db
    .selectFrom('organisationSettings')
    .select(['timezone', 'dailyRollupTimezone'])
    .executeTakeFirstOrThrow()
const dailyRows = async () =>
  (
    await sql<{ row: string }>`
      SELECT d::text AS row FROM check_rollup_daily d ORDER BY service_id, bucket_start`.execute(
      t.db,
    )
  ).rows.map((r) => r.row)

// Daily rows that are not exactly the hourly rows grouped by local day of `zone`, and the other
// way round: empty when every daily rollup is a day of that zone holding that day's hours.
const mismatchesWith = async (zone: string) =>
  (
    await sql`
      WITH by_day AS (
        SELECT service_id, date_trunc('day', bucket_start, ${zone}) AS bucket_start,
          sum(samples)::int AS samples, sum(up)::int AS up, sum(down)::int AS down,
          sum(latency_count)::int AS latency_count, sum(latency_sum_ms)::bigint AS latency_sum_ms
        FROM check_rollup_hourly GROUP BY 1, 2
      ),
      daily AS (
        SELECT service_id, bucket_start, samples, up, down, latency_count, latency_sum_ms
        FROM check_rollup_daily
      )
      (SELECT * FROM by_day EXCEPT SELECT * FROM daily)
      UNION ALL
      (SELECT * FROM daily EXCEPT SELECT * FROM by_day)
    `.execute(t.db)
  ).rows

describe('relabelDailyRollups', () => {
  it('starts from a seed whose daily rollups are London days, with nothing to do', async () => {
    expect(await zones()).toEqual({
      timezone: 'Europe/London',
      dailyRollupTimezone: 'Europe/London',
    })
    expect(await mismatchesWith('Europe/London')).toEqual([])
    expect(await relabelDailyRollups(t.db)).toEqual({ status: 'current' })
  })

  it('re-labels every daily rollup as a day of the new zone, and records the zone', async () => {
    await setZone('America/New_York')
    // Before the run the days are London's, and the table says so.
    expect((await zones()).dailyRollupTimezone).toBe('Europe/London')
    const outcome = await relabelDailyRollups(t.db)
    expect(outcome).toEqual({
      status: 'relabelled',
      from: 'Europe/London',
      to: 'America/New_York',
      rows: expect.any(Number),
      ms: expect.any(Number),
    })
    expect(await mismatchesWith('America/New_York')).toEqual([])
    expect((await dailyRows()).length).toBe(outcome.status === 'relabelled' ? outcome.rows : -1)
    expect((await zones()).dailyRollupTimezone).toBe('America/New_York')
  })

  it('changes nothing when run again', async () => {
    const before = await dailyRows()
    expect(await relabelDailyRollups(t.db)).toEqual({ status: 'current' })
    expect(await dailyRows()).toEqual(before)
  })

  it('leaves the work to the worker already doing it', async () => {
    await setZone('Europe/London')
    const before = await dailyRows()
    const outcome = await t.db.transaction().execute(async (trx) => {
      expect(await tryLockFor(trx, 'opsdeck:daily-rollup-zone')).toBe(true)
      return relabelDailyRollups(t.db)
    })
    expect(outcome).toEqual({ status: 'busy' })
    expect(await dailyRows()).toEqual(before)
    expect((await zones()).dailyRollupTimezone).toBe('America/New_York')
  })

  it('rolls back when the zone changes again during the rebuild, then builds the newest', async () => {
    // London is wanted; a demo simulator run holds its lock, so the re-label waits for it.
    const before = await dailyRows()
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let locked = () => {}
    const taken = new Promise<void>((resolve) => (locked = resolve))
    const simulator = t.db.transaction().execute(async (trx) => {
      await lockFor(trx, 'opsdeck:demo-checks')
      locked()
      await held
    })
    await taken
    const run = relabelDailyRollups(t.db)
    await vi.waitFor(async () => expect(await waitingForAdvisoryLock()).toBe(true), {
      timeout: 10_000,
      interval: 20,
    })
    // Meanwhile an admin picks Tokyo: the London days being built are wanted no more.
    await setZone('Asia/Tokyo')
    release()
    await simulator
    expect(await run).toMatchObject({
      status: 'superseded',
      from: 'America/New_York',
      to: 'Europe/London',
    })
    expect(await dailyRows()).toEqual(before)
    expect((await zones()).dailyRollupTimezone).toBe('America/New_York')

    expect(await relabelDailyRollups(t.db)).toMatchObject({
      status: 'relabelled',
      to: 'Asia/Tokyo',
    })
    expect(await mismatchesWith('Asia/Tokyo')).toEqual([])
    expect((await zones()).dailyRollupTimezone).toBe('Asia/Tokyo')
  })
})

async function waitingForAdvisoryLock(): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_locks
    WHERE locktype = 'advisory' AND NOT granted AND database = (
      SELECT oid FROM pg_database WHERE datname = current_database())`.execute(t.db)
  return (rows[0]?.n ?? 0) > 0
}
