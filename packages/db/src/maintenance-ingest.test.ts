import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestSamples } from './ingest.ts'
import { expandMaintenanceSchedules } from './maintenance-schedules.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

// Issue 8's "recurring maintenance exclusion across a BST change": samples of a service with
// "Sundays 02:00–04:00 Europe/London", ingested on Sundays either side of both 2026 changes.
let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.drop())

// [instant, inside the window?]. Every sample is 'down', so a sample outside a window counts as
// down and one inside counts as maintenance: a window an hour off shows in both counts.
const SAMPLES: [string, boolean][] = [
  // 22 March, GMT: the window is 02:00–04:00 UTC.
  ['2026-03-22T01:59:00Z', false],
  ['2026-03-22T02:00:00Z', true],
  ['2026-03-22T03:59:59Z', true],
  ['2026-03-22T04:00:00Z', false],
  // 29 March, BST from 01:00 UTC: the window is 01:00–03:00 UTC.
  ['2026-03-29T00:59:59Z', false],
  ['2026-03-29T01:00:00Z', true],
  ['2026-03-29T02:59:00Z', true],
  ['2026-03-29T03:00:00Z', false],
  ['2026-03-29T03:30:00Z', false], // 04:30 BST: inside a window read in UTC, not in London
  // 18 October, still BST.
  ['2026-10-18T01:30:00Z', true],
  ['2026-10-18T03:30:00Z', false],
  // 25 October, GMT from 01:00 UTC: 01:30 UTC is the second 01:30 on London's clocks.
  ['2026-10-25T01:30:00Z', false],
  ['2026-10-25T02:00:00Z', true],
  ['2026-10-25T03:59:00Z', true],
  ['2026-10-25T04:00:00Z', false],
]

describe('weekly maintenance across BST changes', () => {
  it('marks exactly the samples inside an occurrence as maintenance, raw and hourly', async () => {
    const service = await t.db
      .insertInto('services')
      .values({ slug: 'payroll', name: 'Payroll', tier: 1, sloTarget: 0.999 })
      .returning('id')
      .executeTakeFirstOrThrow()
    await t.db
      .insertInto('maintenanceSchedules')
      .values({
        serviceId: service.id,
        isoWeekday: 7,
        localStart: '02:00',
        durationMinutes: 120,
        timezone: 'Europe/London',
        startsOn: '2026-03-01',
      })
      .execute()
    await expandMaintenanceSchedules(t.db, { now: new Date('2026-03-15T00:00Z'), horizonDays: 240 })

    const result = await ingestSamples(
      t.db,
      SAMPLES.map(([at]) => ({
        serviceId: service.id,
        at: new Date(at),
        status: 'down',
        latencyMs: null,
        statusCode: 503,
        error: 'HTTP 503',
      })),
    )
    expect(result).toEqual({ inserted: SAMPLES.length, duplicates: 0 })

    const raw = await t.db
      .selectFrom('checkSamples')
      .select(['checkedAt', 'inMaintenance'])
      .where('serviceId', '=', service.id)
      .orderBy('checkedAt')
      .execute()
    expect(
      raw.map((r) => [r.checkedAt.toISOString().replace('.000', ''), r.inMaintenance]),
    ).toEqual(SAMPLES)

    // The hourly rollups: per UTC hour, the samples inside count as maintenance, the rest down.
    const expected = new Map<string, { maintenance: number; down: number }>()
    for (const [at, inside] of SAMPLES) {
      const hour = `${at.slice(0, 13)}:00:00.000Z`
      const bucket = expected.get(hour) ?? { maintenance: 0, down: 0 }
      if (inside) bucket.maintenance++
      else bucket.down++
      expected.set(hour, bucket)
    }
    const hourly = await t.db
      .selectFrom('checkRollupHourly')
      .select(['bucketStart', 'maintenance', 'down', 'up', 'degraded'])
      .where('serviceId', '=', service.id)
      .orderBy('bucketStart')
      .execute()
    expect(
      hourly.map((h) => [
        h.bucketStart.toISOString(),
        { maintenance: h.maintenance, down: h.down },
      ]),
    ).toEqual([...expected])
    expect(hourly.every((h) => h.up === 0 && h.degraded === 0)).toBe(true)
    // 7 samples inside windows, 8 outside, over the four Sundays.
    expect(hourly.reduce((s, h) => s + h.maintenance, 0)).toBe(7)
    expect(hourly.reduce((s, h) => s + h.down, 0)).toBe(8)
  })
})
