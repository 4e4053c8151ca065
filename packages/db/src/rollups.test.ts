import { bucketIndex, histogramOf, mergeHistograms } from '@opsdeck/kpi'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rebuildRollups } from './rollups.ts'
import type { SampleStatus } from './schema/services.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

let t: TestDatabase
let a: number
let b: number
const tz = 'Europe/London'

type Row = [at: string, status: SampleStatus, latency: number | null, maintenance?: boolean]
const samplesA: Row[] = [
  ['2026-07-01T10:00:00Z', 'up', 120],
  ['2026-07-01T10:01:00Z', 'up', 120],
  ['2026-07-01T10:02:00Z', 'degraded', 2500],
  ['2026-07-01T10:03:00Z', 'down', null],
  ['2026-07-01T10:04:00Z', 'down', 50, true],
  ['2026-07-01T10:59:59Z', 'up', 0],
  ['2026-07-01T11:00:00Z', 'up', 80],
  ['2026-07-01T22:59:00Z', 'up', 95], // 23:59 BST: still 1 July in London
  ['2026-07-01T23:30:00Z', 'up', 300], // 00:30 BST on 2 July
  ['2026-07-02T05:00:00Z', 'down', null],
  ['2026-12-01T23:30:00Z', 'up', 40], // GMT in winter: 1 December
]

async function hourly(serviceId: number) {
  return t.db
    .selectFrom('checkRollupHourly')
    .selectAll()
    .where('serviceId', '=', serviceId)
    .orderBy('bucketStart')
    .execute()
}
async function daily(serviceId: number) {
  return t.db
    .selectFrom('checkRollupDaily')
    .selectAll()
    .where('serviceId', '=', serviceId)
    .orderBy('bucketStart')
    .execute()
}
const rebuildAll = () =>
  rebuildRollups(t.db, {
    from: new Date('2026-07-01T00:00Z'),
    to: new Date('2026-12-03T00:00Z'),
    timezone: tz,
  })

beforeAll(async () => {
  t = await createTestDatabase()
  const ids = await t.db
    .insertInto('services')
    .values(['a', 'b'].map((slug) => ({ slug, name: slug, tier: 2, sloTarget: 0.999 })))
    .returning('id')
    .execute()
  a = ids[0]!.id
  b = ids[1]!.id
  await sql`SELECT ensure_check_sample_partitions('2026-07-01', '2026-07-02')`.execute(t.db)
  await sql`SELECT ensure_check_sample_partitions('2026-12-01', '2026-12-01')`.execute(t.db)
  const rows = samplesA.map(([at, status, latencyMs, m]) => ({
    serviceId: a,
    checkedAt: at,
    status,
    latencyMs,
    inMaintenance: m ?? false,
    httpStatus: null,
    error: null,
  }))
  rows.push({ ...rows[0]!, serviceId: b, latencyMs: 7000, status: 'degraded' })
  await t.db.insertInto('checkSamples').values(rows).execute()
  await rebuildAll()
})
afterAll(() => t.drop())

describe('rebuildRollups', () => {
  it('counts each sample once, maintenance first, with latency over every timed sample', async () => {
    const [ten, eleven] = await hourly(a)
    expect(ten).toMatchObject({
      bucketStart: new Date('2026-07-01T10:00Z'),
      samples: 6,
      up: 2 + 1,
      degraded: 1,
      down: 1,
      maintenance: 1,
      latencyCount: 5,
      latencySumMs: 120 + 120 + 2500 + 50 + 0,
      latencyMaxMs: 2500,
    })
    expect(ten!.latencyHist).toEqual(histogramOf([120, 120, 2500, 50, 0]))
    expect(eleven).toMatchObject({ samples: 1, up: 1, latencyHist: histogramOf([80]) })
  })

  it('stores bucket i at array position i + 1 with trailing zeros trimmed', async () => {
    const { rows } = await sql<{ pos: number; n: number; len: number }>`
      SELECT u.pos::int, u.n, cardinality(latency_hist) AS len
      FROM check_rollup_hourly, unnest(latency_hist) WITH ORDINALITY AS u (n, pos)
      WHERE service_id = ${b} AND u.n > 0`.execute(t.db)
    // 7 s: bucket 1 + floor(ln 7000 / ln 1.1) = 93, so position 94 and nothing after it.
    expect(bucketIndex(7000)).toBe(93)
    expect(rows).toEqual([{ pos: 94, n: 1, len: 94 }])
  })

  it('leaves the histogram empty and max null when no sample had a latency', async () => {
    const row = (await hourly(a)).find(
      (r) => r.bucketStart.toISOString() === '2026-07-02T05:00:00.000Z',
    )
    expect(row).toMatchObject({
      samples: 1,
      down: 1,
      latencyCount: 0,
      latencySumMs: 0,
      latencyMaxMs: null,
    })
    expect(row!.latencyHist).toEqual([])
  })

  it('builds London calendar days, BST and GMT alike, merging the hourly histograms', async () => {
    const days = await daily(a)
    expect(days.map((d) => d.bucketStart.toISOString())).toEqual([
      '2026-06-30T23:00:00.000Z', // 1 July, BST
      '2026-07-01T23:00:00.000Z', // 2 July, BST
      '2026-12-01T00:00:00.000Z', // 1 December, GMT
    ])
    expect(days[0]).toMatchObject({ samples: 8, up: 5, degraded: 1, down: 1, maintenance: 1 })
    expect(days[0]!.latencyHist).toEqual(
      mergeHistograms(histogramOf([120, 120, 2500, 50, 0, 80, 95])),
    )
    expect(days[1]).toMatchObject({
      samples: 2,
      up: 1,
      down: 1,
      latencyCount: 1,
      latencyMaxMs: 300,
    })
    expect(days[1]!.latencyHist).toEqual(histogramOf([300]))
    expect(days[2]).toMatchObject({ samples: 1, up: 1, latencyHist: histogramOf([40]) })
  })

  it('changes nothing when run twice', async () => {
    const before = [await hourly(a), await daily(a), await hourly(b), await daily(b)]
    await rebuildAll()
    expect([await hourly(a), await daily(a), await hourly(b), await daily(b)]).toEqual(before)
  })

  it('rebuilds whole hours around a partial range and picks up changed samples', async () => {
    await t.db
      .updateTable('checkSamples')
      .set({ status: 'down', latencyMs: null })
      .where('serviceId', '=', a)
      .where('checkedAt', '=', new Date('2026-07-01T10:00Z'))
      .execute()
    await rebuildRollups(t.db, {
      from: new Date('2026-07-01T10:30Z'),
      to: new Date('2026-07-01T10:31Z'),
      timezone: tz,
    })
    const [ten] = await hourly(a)
    expect(ten).toMatchObject({ samples: 6, up: 2, down: 2, latencyCount: 4, latencySumMs: 2670 })
    expect((await daily(a))[0]).toMatchObject({ samples: 8, up: 4, down: 2 })
  })

  it('refuses daily rollups in a time zone whose days start mid-hour', async () => {
    await expect(
      rebuildRollups(t.db, {
        from: new Date('2026-07-01T00:00Z'),
        to: new Date('2026-07-02T00:00Z'),
        timezone: 'Asia/Kolkata',
      }),
    ).rejects.toThrow(/whole-hour/)
  })
})
