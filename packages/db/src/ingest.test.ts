import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type IngestSample, ingestSamples } from './ingest.ts'
import { rebuildRollups } from './rollups.ts'
import type { SampleStatus } from './schema/services.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

let t: TestDatabase
afterAll(() => t.drop())
beforeAll(async () => {
  t = await createTestDatabase()
})

let slugs = 0
async function newService(): Promise<number> {
  const slug = `svc-${++slugs}`
  const row = await t.db
    .insertInto('services')
    .values({ slug, name: slug, tier: 2, sloTarget: 0.999 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

type Row = [at: string, status: SampleStatus, latency: number | null]
const batch = (serviceId: number, rows: Row[]): IngestSample[] =>
  rows.map(([at, status, latencyMs]) => ({
    serviceId,
    at: new Date(at),
    status,
    latencyMs,
    statusCode: status === 'down' ? 503 : 200,
    error: status === 'down' ? 'HTTP 503' : null,
  }))

async function stored(serviceId: number) {
  const raw = await t.db
    .selectFrom('checkSamples')
    .selectAll()
    .select(sql<string>`tableoid::regclass::text`.as('partition'))
    .where('serviceId', '=', serviceId)
    .orderBy('checkedAt')
    .execute()
  const rollups = async (table: 'checkRollupHourly' | 'checkRollupDaily') =>
    t.db
      .selectFrom(table)
      .selectAll()
      .where('serviceId', '=', serviceId)
      .orderBy('bucketStart')
      .execute()
  return {
    raw,
    hourly: await rollups('checkRollupHourly'),
    daily: await rollups('checkRollupDaily'),
  }
}

// The rollups a from-scratch rebuild gives for the service, to compare the ingest's against.
async function rebuilt(serviceId: number, timezone = 'Europe/London') {
  await t.db.deleteFrom('checkRollupHourly').where('serviceId', '=', serviceId).execute()
  await t.db.deleteFrom('checkRollupDaily').where('serviceId', '=', serviceId).execute()
  const range = { from: new Date('2026-01-01T00:00Z'), to: new Date('2027-01-01T00:00Z') }
  await rebuildRollups(t.db, { ...range, timezone })
  const { hourly, daily } = await stored(serviceId)
  return { hourly, daily }
}

const july: Row[] = [
  ['2026-07-01T10:00:00Z', 'up', 120],
  ['2026-07-01T10:01:00Z', 'degraded', 2500],
  ['2026-07-01T10:02:00Z', 'down', null],
  ['2026-07-01T11:00:00Z', 'up', 80],
  ['2026-07-01T22:59:00Z', 'up', 95], // 23:59 BST: still 1 July in London
  ['2026-07-01T23:30:00Z', 'up', 300], // 00:30 BST on 2 July
]

describe('ingestSamples', () => {
  it('stores a batch with its rollups, as a rebuild from scratch would make them', async () => {
    const id = await newService()
    await t.db
      .insertInto('maintenanceWindows')
      .values({ serviceId: id, startsAt: '2026-07-01T10:01:00Z', endsAt: '2026-07-01T10:02:00Z' })
      .execute()
    expect(await ingestSamples(t.db, batch(id, july))).toEqual({ inserted: 6, duplicates: 0 })
    const after = await stored(id)
    expect(after.raw.map((r) => [r.checkedAt.toISOString(), r.inMaintenance])).toEqual(
      july.map(([at]) => [new Date(at).toISOString(), at === '2026-07-01T10:01:00Z']),
    )
    expect(after.raw[2]).toMatchObject({ status: 'down', httpStatus: 503, error: 'HTTP 503' })
    expect(after.hourly[0]).toMatchObject({ samples: 3, up: 1, down: 1, maintenance: 1 })
    expect(after.daily.map((d) => d.bucketStart.toISOString())).toEqual([
      '2026-06-30T23:00:00.000Z',
      '2026-07-01T23:00:00.000Z',
    ])
    expect(after.daily[0]).toMatchObject({ samples: 5, latencyCount: 4 })
    expect({ hourly: after.hourly, daily: after.daily }).toEqual(await rebuilt(id))
  })

  it('changes nothing on a replay and reports every sample as a duplicate', async () => {
    const id = await newService()
    await ingestSamples(t.db, batch(id, july))
    const before = await stored(id)
    expect(await ingestSamples(t.db, batch(id, july))).toEqual({ inserted: 0, duplicates: 6 })
    expect(await stored(id)).toEqual(before)
  })

  it('puts late, out-of-order samples into their own partitions and buckets', async () => {
    const id = await newService()
    await ingestSamples(t.db, batch(id, july))
    const late: Row[] = [
      ['2026-07-01T10:30:00Z', 'down', null], // into an hour that already has rows
      ['2026-05-03T08:15:00Z', 'up', 40], // an older day, far behind
      ['2026-07-01T10:00:30Z', 'up', 60],
      ['2026-05-02T23:59:59Z', 'degraded', 1800],
    ]
    expect(await ingestSamples(t.db, batch(id, late))).toEqual({ inserted: 4, duplicates: 0 })
    const after = await stored(id)
    const partitionOf = (at: string) =>
      after.raw.find((r) => r.checkedAt.getTime() === new Date(at).getTime())?.partition
    expect(partitionOf('2026-05-02T23:59:59Z')).toBe('check_samples_20260502')
    expect(partitionOf('2026-05-03T08:15:00Z')).toBe('check_samples_20260503')
    expect(partitionOf('2026-07-01T10:30:00Z')).toBe('check_samples_20260701')
    // No partition for the weeks in between: only the days the samples fall on.
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_class
      WHERE relname BETWEEN 'check_samples_20260504' AND 'check_samples_20260630'`.execute(t.db)
    expect(rows[0]!.n).toBe(0)
    expect(after.hourly[after.hourly.findIndex((h) => h.samples === 5)]).toMatchObject({
      bucketStart: new Date('2026-07-01T10:00Z'),
      up: 2,
      down: 2,
    })
    // 23:59:59 UTC on 2 May is 00:59:59 BST on 3 May: both May samples make one London day.
    expect(after.daily[0]).toMatchObject({
      bucketStart: new Date('2026-05-02T23:00Z'),
      samples: 2,
      up: 1,
      degraded: 1,
    })
    expect({ hourly: after.hourly, daily: after.daily }).toEqual(await rebuilt(id))
  })

  it('counts new and already-stored samples of one batch apart, repeats within it too', async () => {
    const [id, other] = [await newService(), await newService()]
    await ingestSamples(t.db, batch(id, july.slice(0, 3)))
    const mixed = [
      ...batch(id, july), // 3 stored, 3 new
      ...batch(other, july.slice(0, 2)),
      ...batch(other, july.slice(0, 1)), // repeated within the batch
    ]
    expect(await ingestSamples(t.db, mixed)).toEqual({ inserted: 5, duplicates: 4 })
    expect((await stored(id)).raw).toHaveLength(6)
    expect((await stored(other)).raw).toHaveLength(2)
    const after = await stored(id)
    expect({ hourly: after.hourly, daily: after.daily }).toEqual(await rebuilt(id))
  })

  // Rollups are added to, not recomputed: any split and order of batches, replays included, must
  // give what a rebuild from the raw rows gives (histograms of different lengths, maxima, days).
  it('adds batches in any order to the rollups a rebuild would make', async () => {
    const [a, b] = [await newService(), await newService()]
    await t.db
      .insertInto('maintenanceWindows')
      .values({ serviceId: b, startsAt: '2026-08-02T03:00:00Z', endsAt: '2026-08-02T05:30:00Z' })
      .execute()
    let seed = 42
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
    const statuses: SampleStatus[] = ['up', 'up', 'up', 'degraded', 'down']
    const samples = Array.from({ length: 400 }, (_, i) => {
      const status = statuses[Math.floor(random() * statuses.length)]!
      const latency = status === 'down' && random() < 0.5 ? null : Math.floor(random() ** 3 * 9000)
      const at = new Date(Date.UTC(2026, 7, 1) + Math.floor(random() * 3 * 24 * 60) * 60_000)
      return batch(i % 2 ? a : b, [[at.toISOString(), status, latency]])[0]!
    })
    const batches = [0, 1, 2, 3, 4].map((k) => samples.filter((_, i) => i % 5 === k)).reverse()
    for (const part of [...batches, batches[2]!]) await ingestSamples(t.db, part)
    for (const id of [a, b]) {
      const after = await stored(id)
      expect(after.hourly.some((h) => h.maintenance > 0)).toBe(id === b)
      expect({ hourly: after.hourly, daily: after.daily }).toEqual(await rebuilt(id))
    }
  })

  it('writes in the caller’s transaction and rolls back with it', async () => {
    const id = await newService()
    await expect(
      t.db.transaction().execute(async (trx) => {
        await ingestSamples(trx, batch(id, july))
        throw new Error('the caller fails after the ingest')
      }),
    ).rejects.toThrow(/caller fails/)
    expect(await stored(id)).toEqual({ raw: [], hourly: [], daily: [] })
  })

  it('builds daily rows as days of daily_rollup_timezone', async () => {
    const id = await newService()
    await t.db
      .updateTable('organisationSettings')
      .set({ dailyRollupTimezone: 'America/New_York' })
      .execute()
    try {
      // New York is on EDT (UTC−4) from 8 March 2026: its 10 March starts at 04:00 UTC.
      const rows: Row[] = [
        ['2026-03-10T03:59:00Z', 'up', 100],
        ['2026-03-10T04:00:00Z', 'down', null],
        ['2026-03-10T12:00:00Z', 'up', 200],
      ]
      await ingestSamples(t.db, batch(id, rows))
      const { hourly, daily } = await stored(id)
      expect(daily.map((d) => [d.bucketStart.toISOString(), d.samples])).toEqual([
        ['2026-03-09T04:00:00.000Z', 1],
        ['2026-03-10T04:00:00.000Z', 2],
      ])
      expect({ hourly, daily }).toEqual(await rebuilt(id, 'America/New_York'))
    } finally {
      await t.db
        .updateTable('organisationSettings')
        .set({ dailyRollupTimezone: 'Europe/London' })
        .execute()
    }
  })
})
