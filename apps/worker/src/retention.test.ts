import { lockFor } from '@opsdeck/db'
import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { relabelDailyRollups } from './relabel-daily-rollups.ts'
import { applyRetention } from './retention.ts'

// 30 days of raw samples (the default) before 12:00 UTC on 4 November is 12:00 on 5 October: the
// partitions of 3 and 4 October have ended by then, that of 5 October has not.
const NOW = new Date('2026-11-04T12:00:00Z')
let t: TestDatabase
let serviceId: number
beforeAll(async () => {
  t = await createTestDatabase()
  const row = await t.db
    .insertInto('services')
    .values({ slug: 'payroll', name: 'Payroll', tier: 1, sloTarget: 0.999 })
    .returning('id')
    .executeTakeFirstOrThrow()
  serviceId = row.id
})
afterAll(() => t.drop())
beforeEach(async () => {
  await t.db
    .updateTable('organisationSettings')
    .set({
      rawSampleRetentionDays: 30,
      timezone: 'Europe/London',
      dailyRollupTimezone: 'Europe/London',
    })
    .execute()
})

const partitions = async () =>
  (
    await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'check_samples'::regclass ORDER BY 1`.execute(t.db)
  ).rows.map((r) => r.name)

/** A sample at noon and one a second before midnight of each UTC day, and their partitions. */
async function samplesOn(days: string[]) {
  for (const day of days) {
    await sql`SELECT ensure_check_sample_partitions(${day}::date, ${day}::date)`.execute(t.db)
    await t.db
      .insertInto('checkSamples')
      .values(
        [`${day}T12:00:00Z`, `${day}T23:59:59Z`].map((at) => ({
          serviceId,
          checkedAt: new Date(at),
          status: 'up' as const,
          latencyMs: 100,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}

// Sessions of this test's database waiting for an advisory lock.
const advisoryWaiters = async () =>
  (
    await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND NOT granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.execute(
      t.db,
    )
  ).rows[0]?.n

const rawDays = async () =>
  (
    await sql<{ day: string }>`
      SELECT DISTINCT to_char(checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
      FROM check_samples ORDER BY 1`.execute(t.db)
  ).rows.map((r) => r.day)

describe('applyRetention', () => {
  it('drops the partitions whose whole day is older than the raw retention, nothing else', async () => {
    await samplesOn(['2026-10-03', '2026-10-04', '2026-10-05', '2026-11-04'])
    const outcome = await applyRetention(t.db, NOW)
    expect(outcome).toMatchObject({
      dropped: ['check_samples_20261003', 'check_samples_20261004'],
      postponed: [],
    })
    expect(await partitions()).toEqual(['check_samples_20261005', 'check_samples_20261104'])
    // 5 October is kept whole, its first hours older than 30 days included.
    expect(await rawDays()).toEqual(['2026-10-05', '2026-11-04'])
    expect((await applyRetention(t.db, NOW)).dropped).toEqual([])
  })

  it('follows the retention setting', async () => {
    await samplesOn(['2026-10-05', '2026-10-27', '2026-10-28'])
    await t.db.updateTable('organisationSettings').set({ rawSampleRetentionDays: 7 }).execute()
    // Seven days before noon on 4 November is noon on 28 October.
    expect((await applyRetention(t.db, NOW)).dropped).toEqual([
      'check_samples_20261005',
      'check_samples_20261027',
    ])
    expect(await rawDays()).toEqual(['2026-10-28', '2026-11-04'])
  })

  it('drops partitions only under the partitions lock, and tries again on the next run', async () => {
    await samplesOn(['2026-09-01'])
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    let locked = () => {}
    const holding = new Promise<void>((resolve) => (locked = resolve))
    // An ingest in progress: it made sure of its partitions and is writing to them.
    const ingest = t.db.transaction().execute(async (trx) => {
      await lockFor(trx, 'opsdeck:partitions')
      locked()
      await released
    })
    await holding
    try {
      const outcome = await applyRetention(t.db, NOW)
      expect(outcome).toMatchObject({ dropped: [], postponed: ['check_samples_20260901'] })
      expect(await partitions()).toContain('check_samples_20260901')
    } finally {
      release()
      await ingest
    }
    expect((await applyRetention(t.db, NOW)).dropped).toEqual(['check_samples_20260901'])
  })

  it('with two workers at once, one drops a partition and the other reports nothing', async () => {
    await samplesOn(['2026-09-02'])
    let release = () => {}
    const released = new Promise<void>((resolve) => (release = resolve))
    let locked = () => {}
    const holding = new Promise<void>((resolve) => (locked = resolve))
    const ingest = t.db.transaction().execute(async (trx) => {
      await lockFor(trx, 'opsdeck:partitions')
      locked()
      await released
    })
    await holding
    // Both list the partition, then wait for the lock: the race two workers starting together run.
    const runs = [applyRetention(t.db, NOW), applyRetention(t.db, NOW)]
    try {
      await expect.poll(advisoryWaiters, { timeout: 30_000, interval: 50 }).toBe(2)
    } finally {
      release()
      await ingest
    }
    const outcomes = await Promise.all(runs)
    expect(outcomes.flatMap((o) => o.dropped)).toEqual(['check_samples_20260902'])
    expect(outcomes.flatMap((o) => o.postponed)).toEqual([])
    expect(await partitions()).not.toContain('check_samples_20260902')
  })

  it('deletes hourly rollups older than 400 days from local midnight, keeps every daily one', async () => {
    // 400 days before noon on 4 November 2026 is noon on 30 September 2025, a day that began at
    // 23:00 UTC in London (BST): its hours are kept, the whole local day.
    const hours = [
      '2025-09-29T22:00Z',
      '2025-09-29T23:00Z',
      '2025-09-30T11:00Z',
      '2026-11-04T11:00Z',
    ]
    const row = (at: string) => ({ serviceId, bucketStart: new Date(at), samples: 60, up: 60 })
    await t.db.insertInto('checkRollupHourly').values(hours.map(row)).execute()
    const days = ['2024-01-01T00:00Z', '2025-09-28T23:00Z', '2025-09-29T23:00Z']
    await t.db.insertInto('checkRollupDaily').values(days.map(row)).execute()

    expect(await applyRetention(t.db, NOW)).toMatchObject({ hourlyDeleted: 1, hourlyDone: true })
    const left = (table: 'checkRollupHourly' | 'checkRollupDaily') =>
      t.db
        .selectFrom(table)
        .select('bucketStart')
        .where('serviceId', '=', serviceId)
        .orderBy('bucketStart')
        .execute()
    expect((await left('checkRollupHourly')).map((r) => r.bucketStart.toISOString())).toEqual([
      '2025-09-29T23:00:00.000Z',
      '2025-09-30T11:00:00.000Z',
      '2026-11-04T11:00:00.000Z',
    ])
    expect(await left('checkRollupDaily')).toHaveLength(3)

    // A change of zone re-labels the days the hourly rows cover; older days are kept as they are.
    await t.db.updateTable('organisationSettings').set({ timezone: 'America/New_York' }).execute()
    expect(await relabelDailyRollups(t.db)).toMatchObject({ status: 'relabelled' })
    const daily = await t.db
      .selectFrom('checkRollupDaily')
      .select(['bucketStart', 'samples'])
      .where('serviceId', '=', serviceId)
      .orderBy('bucketStart')
      .execute()
    expect(daily.map((d) => [d.bucketStart.toISOString(), d.samples])).toEqual([
      ['2024-01-01T00:00:00.000Z', 60], // London days, older than any hourly row
      ['2025-09-28T23:00:00.000Z', 60],
      ['2025-09-29T04:00:00.000Z', 60], // New York days (EDT) from the hourly rows
      ['2025-09-30T04:00:00.000Z', 60],
      ['2026-11-04T05:00:00.000Z', 60],
    ])
  })
})
