import { histogramOf, mergeHistograms } from '@opsdeck/kpi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rebuildAllDailyRollups, rebuildDailyRollups } from './rollups.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

let t: TestDatabase
let service: number

// Three hours of one service, in November (London on GMT, New York on EST, UTC−5):
//   A 2026-11-04 20:00Z  London 4 Nov 20:00   New York 4 Nov 15:00
//   B 2026-11-05 02:00Z  London 5 Nov 02:00   New York 4 Nov 21:00  ← changes day
//   C 2026-11-05 06:00Z  London 5 Nov 06:00   New York 5 Nov 01:00
const HOURS = [
  { at: '2026-11-04T20:00Z', down: 0, latencies: [100, 120] },
  { at: '2026-11-05T02:00Z', down: 6, latencies: [900] },
  { at: '2026-11-05T06:00Z', down: 1, latencies: [40, 60, 80] },
]

const daily = () =>
  t.db
    .selectFrom('checkRollupDaily')
    .select(['bucketStart', 'samples', 'up', 'down', 'latencyCount', 'latencySumMs'])
    .select(['latencyMaxMs', 'latencyHist'])
    .where('serviceId', '=', service)
    .orderBy('bucketStart')
    .execute()

beforeAll(async () => {
  t = await createTestDatabase()
  const row = await t.db
    .insertInto('services')
    .values({ slug: 'payroll', name: 'Payroll', tier: 1, sloTarget: 0.999 })
    .returning('id')
    .executeTakeFirstOrThrow()
  service = row.id
  await t.db
    .insertInto('checkRollupHourly')
    .values(
      HOURS.map(({ at, down, latencies }) => ({
        serviceId: service,
        bucketStart: new Date(at),
        samples: 60,
        up: 60 - down,
        degraded: 0,
        down,
        maintenance: 0,
        latencyCount: latencies.length,
        latencySumMs: latencies.reduce((a, b) => a + b, 0),
        latencyMaxMs: Math.max(...latencies),
        latencyHist: histogramOf(latencies),
      })),
    )
    .execute()
  await rebuildDailyRollups(t.db, {
    from: new Date('2026-11-04T00:00Z'),
    to: new Date('2026-11-06T00:00Z'),
    timezone: 'Europe/London',
  })
})
afterAll(() => t.drop())

const zone = async () =>
  (await t.db.selectFrom('organisationSettings').select('dailyRollupTimezone').executeTakeFirst())
    ?.dailyRollupTimezone

describe('rebuildAllDailyRollups', () => {
  it('starts from London days: 4 November holds A, 5 November holds B and C', async () => {
    expect(await zone()).toBe('Europe/London')
    expect(await daily()).toMatchObject([
      { bucketStart: new Date('2026-11-04T00:00Z'), samples: 60, down: 0 },
      { bucketStart: new Date('2026-11-05T00:00Z'), samples: 120, down: 7 },
    ])
  })

  it('re-labels the days in the new zone: hour B moves to 4 November in New York', async () => {
    const result = await t.db
      .transaction()
      .execute((trx) => rebuildAllDailyRollups(trx, 'America/New_York'))
    expect(result).toEqual({ rows: 2 })
    expect(await daily()).toEqual([
      {
        // New York's 4 November starts at 05:00 UTC: A and B, 120 samples, 6 of them down.
        bucketStart: new Date('2026-11-04T05:00Z'),
        samples: 120,
        up: 114,
        down: 6,
        latencyCount: 3,
        latencySumMs: 100 + 120 + 900,
        latencyMaxMs: 900,
        latencyHist: mergeHistograms(histogramOf([100, 120]), histogramOf([900])),
      },
      {
        bucketStart: new Date('2026-11-05T05:00Z'),
        samples: 60,
        up: 59,
        down: 1,
        latencyCount: 3,
        latencySumMs: 180,
        latencyMaxMs: 80,
        latencyHist: histogramOf([40, 60, 80]),
      },
    ])
    expect(await zone()).toBe('America/New_York')
  })

  it('shows other connections the old days and zone until the transaction commits', async () => {
    const before = await daily()
    await t.db.transaction().execute(async (trx) => {
      await rebuildAllDailyRollups(trx, 'Europe/London')
      expect(await daily()).toEqual(before)
      expect(await zone()).toBe('America/New_York')
    })
    expect(await daily()).toMatchObject([
      { bucketStart: new Date('2026-11-04T00:00Z'), samples: 60 },
      { bucketStart: new Date('2026-11-05T00:00Z'), samples: 120 },
    ])
    expect(await zone()).toBe('Europe/London')
  })

  it('changes nothing when a zone cannot hold daily rollups (its days start mid-hour)', async () => {
    const before = await daily()
    await expect(
      t.db.transaction().execute((trx) => rebuildAllDailyRollups(trx, 'Asia/Kolkata')),
    ).rejects.toThrow(/whole-hour/)
    expect(await daily()).toEqual(before)
    expect(await zone()).toBe('Europe/London')
  })

  it('needs the caller’s transaction, so the zone and its days change together', async () => {
    await expect(rebuildAllDailyRollups(t.db, 'Europe/London')).rejects.toThrow(/transaction/)
  })
})
