import { describe, expect, it } from 'vitest'
import { expectMatches } from '../../../test/helpers.ts'
import { AllocationPreview } from './schemas.ts'
import { capacityRows, capacityTestApp, refusedWithoutWriting } from './test-fixtures.ts'

// The clock stands at 09:00 UTC on Thursday 1 October 2026. Full time is 37.5 h over Monday to
// Friday, 7.5 h a day; Monday 25 May 2026 is a bank holiday in England and in Scotland, Monday
// 30 November 2026 (St Andrew's) in Scotland only.
const t = capacityTestApp(new Date('2026-10-01T09:00:00Z'))
const { ctx, send } = t

async function preview(body: unknown) {
  const before = await capacityRows(ctx.db)
  const res = await send('POST', 'allocations/preview', body)
  expect(res.status, await res.clone().text()).toBe(200)
  expect(await capacityRows(ctx.db)).toEqual(before)
  return expectMatches(AllocationPreview, await res.json())
}

/** A person booked 30 h a week of run work over 18–31 May, tentative support 5 h the second week, and half a day off on Tuesday 19 May. */
async function bookedPerson() {
  const p = await t.person()
  const run = await ctx.db
    .insertInto('allocations')
    .values({
      personId: p.id,
      kind: 'run',
      firstDay: '2026-05-18',
      lastDay: '2026-05-31',
      hoursPerWeek: 30,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.db
    .insertInto('allocations')
    .values({
      personId: p.id,
      kind: 'support',
      firstDay: '2026-05-25',
      lastDay: '2026-05-31',
      hoursPerWeek: 5,
      status: 'tentative',
    })
    .execute()
  await ctx.db
    .insertInto('timeOff')
    .values({ personId: p.id, firstDay: '2026-05-19', lastDay: '2026-05-19', halfDay: true })
    .execute()
  return { ...p, runId: run.id }
}

describe('POST /api/v1/allocations/preview', () => {
  it('shows a new allocation’s weeks before and after, over the holiday and the half day', async () => {
    const p = await bookedPerson()
    const body = await preview({
      personId: p.id,
      kind: 'run',
      firstDay: '2026-05-20',
      lastDay: '2026-05-29',
      hoursPerWeek: 10,
    })
    expect(body.person).toEqual({ id: p.id, name: p.name })
    const [first, second] = body.weeks
    // Week of 18 May: 37.5 h less half a day (3.75) = 33.75 effective; 30 h booked = 88.9%.
    // After: 10 h a week is 2 h a day on Wednesday to Friday, 6 h more: 36 h, 106.7%, 2.25 over.
    expect(first?.week).toBe('2026-05-18')
    expect(first?.before).toMatchObject({ capacity: 37.5, effective: 33.75 })
    expect(first?.before.confirmed).toMatchObject({ booked: 30, overAllocated: false })
    expect(first?.before.confirmed.utilization).toBeCloseTo(30 / 33.75, 10)
    expect(first?.after.confirmed).toMatchObject({ booked: 36, overAllocated: true })
    expect(first?.after.confirmed.overHours).toBeCloseTo(2.25, 10)
    // Week of 25 May: Monday's bank holiday takes 7.5 h off capacity and off the bookings (run
    // 30 h → 24 h, tentative support 5 h → 4 h). After: 8 h more over Tuesday to Friday, 32 of 30.
    expect(second?.week).toBe('2026-05-25')
    expect(second?.before).toMatchObject({ capacity: 30, effective: 30 })
    expect(second?.before.confirmed).toMatchObject({ booked: 24, utilization: 0.8 })
    expect(second?.before.withTentative).toMatchObject({ booked: 28, overAllocated: false })
    expect(second?.after.confirmed).toMatchObject({ booked: 32, overAllocated: true })
    expect(second?.after.confirmed.utilization).toBeCloseTo(32 / 30, 10)
    expect(second?.after.withTentative).toMatchObject({ booked: 36, freeHours: 0 })
    expect(body.weeks).toHaveLength(2)
  })

  it('shows a change and a removal of an allocation, writing nothing', async () => {
    const p = await bookedPerson()
    const changed = await preview({
      id: p.runId,
      patch: { hoursPerWeek: 20, lastDay: '2026-05-24' },
    })
    expect(
      changed.weeks.map((w) => [w.week, w.before.confirmed.booked, w.after.confirmed.booked]),
    ).toEqual([
      ['2026-05-18', 30, 20],
      ['2026-05-25', 24, 0],
    ])
    const removed = await preview({ id: p.runId, delete: true })
    expect(removed.weeks.map((w) => w.after.withTentative.booked)).toEqual([0, 4])
  })

  it('reads the person’s region and the closure days', async () => {
    const scot = await t.person({ bankHolidayRegion: 'GB-SCT' })
    const eng = await t.person()
    await ctx.db.insertInto('closureDays').values({ day: '2026-12-04', name: 'Away day' }).execute()
    const week = { kind: 'run', firstDay: '2026-11-30', lastDay: '2026-12-06', hoursPerWeek: 37.5 }
    const [s] = (await preview({ ...week, personId: scot.id })).weeks
    const [e] = (await preview({ ...week, personId: eng.id })).weeks
    // Scotland: St Andrew's and the closure day, 22.5 h; England: the closure day only, 30 h.
    expect(s?.after).toMatchObject({ capacity: 22.5, confirmed: { booked: 22.5, utilization: 1 } })
    expect(e?.after).toMatchObject({ capacity: 30, confirmed: { booked: 30, utilization: 1 } })
  })

  it('refuses what the write would refuse, naming the field; 403 for readers', async () => {
    const p = await bookedPerson()
    const bad = await refusedWithoutWriting(
      ctx.db,
      () =>
        send('POST', 'allocations/preview', {
          personId: p.id,
          kind: 'run',
          firstDay: '2026-05-20',
          lastDay: '2026-05-19',
          hoursPerWeek: 1,
        }),
      400,
    )
    expect(bad.details).toContainEqual({
      path: 'json.lastDay',
      message: expect.stringContaining('on or after'),
    })
    const patch = await refusedWithoutWriting(
      ctx.db,
      () => send('POST', 'allocations/preview', { id: p.runId, patch: { hoursPerWeek: 'lots' } }),
      400,
    )
    expect(patch.details?.map((d) => d.path)).toEqual(['json.patch.hoursPerWeek'])
    const missing = await refusedWithoutWriting(
      ctx.db,
      () => send('POST', 'allocations/preview', { id: 999_999, delete: true }),
      404,
    )
    expect(missing.code).toBe('allocation_not_found')
    const project = await refusedWithoutWriting(
      ctx.db,
      () =>
        send('POST', 'allocations/preview', {
          id: p.runId,
          patch: { kind: 'project', projectCode: 'NOPE-9' },
        }),
      422,
    )
    expect(project.code).toBe('unknown_project')
    for (const headers of await t.readers()) {
      await refusedWithoutWriting(
        ctx.db,
        () => send('POST', 'allocations/preview', { id: p.runId, delete: true }, headers),
        403,
      )
    }
  })
})
