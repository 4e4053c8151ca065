import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expandMaintenanceSchedules } from './maintenance-schedules.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.drop())

let n = 0
/** A service with "Sundays 02:00–04:00 Europe/London" from 1 March 2026 (or `over`'s). */
async function scheduled(over: { startsOn?: string; endsOn?: string; archived?: boolean } = {}) {
  const slug = `svc-${++n}`
  const service = await t.db
    .insertInto('services')
    .values({
      slug,
      name: slug,
      tier: 2,
      sloTarget: 0.999,
      archivedAt: over.archived ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const schedule = await t.db
    .insertInto('maintenanceSchedules')
    .values({
      serviceId: service.id,
      isoWeekday: 7,
      localStart: '02:00',
      durationMinutes: 120,
      timezone: 'Europe/London',
      reason: 'Patching',
      startsOn: over.startsOn ?? '2026-03-01',
      endsOn: over.endsOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return schedule.id
}

const windowsOf = async (scheduleId: number) =>
  (
    await t.db
      .selectFrom('maintenanceWindows')
      .select(['startsAt', 'endsAt', 'reason'])
      .where('scheduleId', '=', scheduleId)
      .orderBy('startsAt')
      .execute()
  ).map((w) => `${w.startsAt.toISOString().slice(0, 16)}/${w.endsAt.toISOString().slice(11, 16)}`)

const expand = (now: string, horizonDays: number, scheduleIds?: number[]) =>
  expandMaintenanceSchedules(t.db, { now: new Date(now), horizonDays, scheduleIds })

describe('expandMaintenanceSchedules', () => {
  it('writes the occurrences up to the horizon, in London time across the BST changes', async () => {
    const id = await scheduled()
    const result = await expand('2026-03-20T12:00Z', 42, [id])
    expect(result).toEqual({ schedules: 1, inserted: 6 })
    expect(await windowsOf(id)).toEqual([
      '2026-03-22T02:00/04:00', // GMT
      '2026-03-29T01:00/03:00', // BST from that morning
      '2026-04-05T01:00/03:00',
      '2026-04-12T01:00/03:00',
      '2026-04-19T01:00/03:00',
      '2026-04-26T01:00/03:00',
    ])
    const row = await t.db
      .selectFrom('maintenanceSchedules')
      .select('expandedUntil')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.expandedUntil).toEqual(new Date('2026-05-01T12:00Z'))
  })

  it('is idempotent, and run week by week writes what one long run would', async () => {
    const [weekly, once] = [await scheduled(), await scheduled()]
    for (let day = Date.parse('2026-09-01T00:00Z'); day < Date.parse('2026-12-01T00:00Z');) {
      await expand(new Date(day).toISOString(), 14, [weekly])
      await expand(new Date(day).toISOString(), 14, [weekly]) // again: nothing new
      day += 7 * 86_400_000
    }
    // The last run was on 24 November: its horizon is 8 December.
    await expand('2026-09-01T00:00Z', 98, [once])
    const all = await windowsOf(weekly)
    expect(all).toEqual(await windowsOf(once))
    expect(all.filter((w) => w.startsWith('2026-10'))).toEqual([
      '2026-10-04T01:00/03:00',
      '2026-10-11T01:00/03:00',
      '2026-10-18T01:00/03:00',
      '2026-10-25T02:00/04:00', // GMT again
    ])
    expect(all.at(-1)).toBe('2026-12-06T02:00/04:00')
    expect(await expand('2026-09-01T00:00Z', 98, [once])).toEqual({ schedules: 0, inserted: 0 })
  })

  it('writes no occurrence that starts before now, before startsOn or after endsOn', async () => {
    const id = await scheduled({ startsOn: '2026-04-12', endsOn: '2026-05-03' })
    // Now is 02:30 BST on 19 April, half an hour into that Sunday's window.
    await expand('2026-04-19T01:30Z', 60, [id])
    expect(await windowsOf(id)).toEqual(['2026-04-26T01:00/03:00', '2026-05-03T01:00/03:00'])
  })

  it('leaves the schedules of archived services alone', async () => {
    const id = await scheduled({ archived: true })
    expect(await expand('2026-03-20T12:00Z', 14, [id])).toEqual({ schedules: 0, inserted: 0 })
    expect(await windowsOf(id)).toEqual([])
  })

  it('writes each occurrence once when two workers expand at the same moment', async () => {
    const id = await scheduled()
    const runs = await Promise.all([
      expand('2026-06-01T00:00Z', 28, [id]),
      expand('2026-06-01T00:00Z', 28, [id]),
      expand('2026-06-01T00:00Z', 35, [id]),
    ])
    expect(runs.reduce((sum, r) => sum + r.inserted, 0)).toBe(5)
    expect(await windowsOf(id)).toEqual([
      '2026-06-07T01:00/03:00',
      '2026-06-14T01:00/03:00',
      '2026-06-21T01:00/03:00',
      '2026-06-28T01:00/03:00',
      '2026-07-05T01:00/03:00',
    ])
  })
})
