import { createTestDatabase, type TestDatabase } from '@opsdeck/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extendMaintenanceSchedules } from './maintenance-schedules.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.drop())

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

async function weeklySchedule(slug: string, isoWeekday: number, localStart: string) {
  const service = await t.db
    .insertInto('services')
    .values({ slug, name: slug, tier: 2, sloTarget: 0.999 })
    .returning('id')
    .executeTakeFirstOrThrow()
  const row = await t.db
    .insertInto('maintenanceSchedules')
    .values({
      serviceId: service.id,
      isoWeekday,
      localStart,
      durationMinutes: 90,
      timezone: 'Europe/London',
      startsOn: '2026-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

const startsOf = async (scheduleId: number) =>
  (
    await t.db
      .selectFrom('maintenanceWindows')
      .select('startsAt')
      .where('scheduleId', '=', scheduleId)
      .orderBy('startsAt')
      .execute()
  ).map((w) => w.startsAt.toISOString())

describe('extendMaintenanceSchedules', () => {
  it('keeps eight weeks of every schedule written, an hour’s run at a time', async () => {
    const sunday = await weeklySchedule('email', 7, '02:00')
    const wednesday = await weeklySchedule('payroll', 3, '19:30')
    const now = new Date('2026-10-01T09:00:00Z') // a Thursday
    // Two workers start together: each occurrence is written once, by one of them.
    const runs = await Promise.all([
      extendMaintenanceSchedules(t.db, now),
      extendMaintenanceSchedules(t.db, now),
    ])
    expect(runs.map((r) => r.inserted).sort()).toEqual([0, 16])
    const sundays = await startsOf(sunday)
    expect(sundays).toHaveLength(8)
    expect(sundays.slice(2, 5)).toEqual([
      '2026-10-18T01:00:00.000Z', // BST
      '2026-10-25T02:00:00.000Z', // GMT
      '2026-11-01T02:00:00.000Z',
    ])
    expect(sundays.at(-1)).toBe('2026-11-22T02:00:00.000Z')
    expect((await startsOf(wednesday)).at(-1)).toBe('2026-11-25T19:30:00.000Z') // 19:30 GMT

    // An hour on, nothing new is due; a week on, one more week of each.
    const later = (ms: number) => new Date(now.getTime() + ms)
    expect(await extendMaintenanceSchedules(t.db, later(HOUR_MS))).toMatchObject({ inserted: 0 })
    expect(await extendMaintenanceSchedules(t.db, later(7 * DAY_MS))).toMatchObject({
      schedules: 2,
      inserted: 2,
    })
    expect((await startsOf(sunday)).at(-1)).toBe('2026-11-29T02:00:00.000Z')
    expect(await startsOf(sunday)).toHaveLength(9)
  })
})
