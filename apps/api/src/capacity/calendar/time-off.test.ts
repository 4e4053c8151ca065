import { describe, expect, it } from 'vitest'
import { expectMatches } from '../../../test/helpers.ts'
import { capacityTestApp, refusedWithoutWriting } from '../allocations/test-fixtures.ts'
import { TimeOff, TimeOffList } from './schemas.ts'

// The clock stands at 09:00 UTC on Thursday 1 October 2026.
const t = capacityTestApp(new Date('2026-10-01T09:00:00Z'))
const { ctx, send, get } = t

async function added(body: Record<string, unknown>) {
  const res = await send('POST', 'time-off', body)
  expect(res.status, await res.clone().text()).toBe(201)
  return expectMatches(TimeOff, await res.json())
}

describe('/api/v1/time-off', () => {
  it('records time off with who recorded it, audited, and lists it by person and days', async () => {
    const p = await t.person()
    const body = await added({ personId: p.id, firstDay: '2026-10-12', lastDay: '2026-10-16' })
    expect(body).toEqual({
      id: expect.any(Number),
      person: { id: p.id, name: p.name },
      firstDay: '2026-10-12',
      lastDay: '2026-10-16',
      kind: 'annual_leave',
      halfDay: false,
      note: '',
      createdAt: '2026-10-01T09:00:00.000Z',
      createdBy: { id: t.manager().user.id, name: t.manager().user.name },
    })
    expect(await t.auditOf('time_off', body.id)).toEqual([
      {
        action: 'create',
        actorUserId: t.manager().user.id,
        changes: {
          personId: { from: null, to: p.id },
          firstDay: { from: null, to: '2026-10-12' },
          lastDay: { from: null, to: '2026-10-16' },
          kind: { from: null, to: 'annual_leave' },
          halfDay: { from: null, to: false },
          note: { from: null, to: '' },
        },
      },
    ])
    const sick = await added({
      personId: p.id,
      firstDay: '2026-11-02',
      lastDay: '2026-11-02',
      kind: 'sick',
      halfDay: true,
    })
    const [viewer] = await t.readers()
    const list = async (query: string) => {
      const res = await get(`time-off?${query}`, viewer)
      expect(res.status).toBe(200)
      return expectMatches(TimeOffList, await res.json()).timeOff.map((o) => o.id)
    }
    expect(await list(`person=${p.id}`)).toEqual([body.id, sick.id])
    expect(await list(`person=${p.id}&from=2026-10-17`)).toEqual([sick.id])
    expect(await list(`person=${p.id}&to=2026-10-12`)).toEqual([body.id])
  })

  it('refuses overlapping time off of the same person (409 naming the other), but two half days of one day', async () => {
    const p = await t.person()
    const other = await t.person()
    const week = await added({ personId: p.id, firstDay: '2026-10-12', lastDay: '2026-10-16' })
    const error = await refusedWithoutWriting(
      ctx.db,
      () =>
        send('POST', 'time-off', { personId: p.id, firstDay: '2026-10-16', lastDay: '2026-10-19' }),
      409,
    )
    expect(error).toEqual({
      code: 'time_off_overlaps',
      message: `Overlaps the person’s time off 2026-10-12 to 2026-10-16 (annual_leave, id ${week.id})`,
      details: [
        {
          path: 'json.firstDay',
          message: `overlaps time off ${week.id} (2026-10-12 to 2026-10-16)`,
        },
      ],
    })
    await added({ personId: other.id, firstDay: '2026-10-16', lastDay: '2026-10-19' })
    const half = { personId: p.id, firstDay: '2026-10-20', lastDay: '2026-10-20', halfDay: true }
    await added(half)
    await added(half)
    const third = await refusedWithoutWriting(ctx.db, () => send('POST', 'time-off', half), 409)
    expect(third.code).toBe('time_off_overlaps')
    const whole = await refusedWithoutWriting(
      ctx.db,
      () => send('PATCH', `time-off/${week.id}`, { lastDay: '2026-10-20' }),
      409,
    )
    expect(whole.message).toContain('half a day on 2026-10-20')
  })

  it('takes half a day only for one day, also when a change moves a date', async () => {
    const p = await t.person()
    const error = await refusedWithoutWriting(
      ctx.db,
      () =>
        send('POST', 'time-off', {
          personId: p.id,
          firstDay: '2026-10-12',
          lastDay: '2026-10-13',
          halfDay: true,
        }),
      400,
    )
    expect(error.details).toEqual([
      { path: 'json.halfDay', message: 'is only for one day (firstDay = lastDay)' },
    ])
    const half = await added({
      personId: p.id,
      firstDay: '2026-10-12',
      lastDay: '2026-10-12',
      halfDay: true,
    })
    const moved = await refusedWithoutWriting(
      ctx.db,
      () => send('PATCH', `time-off/${half.id}`, { lastDay: '2026-10-13' }),
      400,
    )
    expect(moved.details?.[0]?.path).toBe('json.lastDay')
    const res = await send('PATCH', `time-off/${half.id}`, {
      lastDay: '2026-10-13',
      halfDay: false,
      kind: 'training',
    })
    expect(await res.json()).toMatchObject({
      lastDay: '2026-10-13',
      halfDay: false,
      kind: 'training',
    })
    expect((await t.auditOf('time_off', half.id)).at(-1)).toEqual({
      action: 'update',
      actorUserId: t.manager().user.id,
      changes: {
        personId: p.id,
        lastDay: { from: '2026-10-12', to: '2026-10-13' },
        kind: { from: 'annual_leave', to: 'training' },
        halfDay: { from: true, to: false },
      },
    })
  })

  it('refuses time off outside the person’s employment, as allocations do, on POST and PATCH', async () => {
    const p = await t.person({ startDate: '2017-03-01', endDate: '2026-12-31' })
    const message = `must overlap ${p.name}’s employment (from 2017-03-01 to 2026-12-31)`
    const before = { personId: p.id, firstDay: '2010-12-14', lastDay: '2010-12-14' }
    const error = await refusedWithoutWriting(ctx.db, () => send('POST', 'time-off', before), 400)
    expect(error.code).toBe('validation_failed')
    expect(error.details).toEqual([
      { path: 'json.firstDay', message },
      { path: 'json.lastDay', message },
    ])
    const after = { personId: p.id, firstDay: '2027-01-04', lastDay: '2027-01-05' }
    expect((await send('POST', 'time-off', after)).status).toBe(400)
    // A span with one day of employment is taken, as an allocation's is.
    const edge = await added({ personId: p.id, firstDay: '2016-12-30', lastDay: '2017-03-01' })

    const moved = await refusedWithoutWriting(
      ctx.db,
      () => send('PATCH', `time-off/${edge.id}`, { lastDay: '2017-02-28' }),
      400,
    )
    expect(moved.details).toEqual([{ path: 'json.lastDay', message }])
    // A change of the kind alone leaves the days (already checked) alone.
    expect((await send('PATCH', `time-off/${edge.id}`, { kind: 'training' })).status).toBe(200)
  })

  it('refuses an unknown person, a span of 3 years, and readers; deletes audited', async () => {
    const unknown = await refusedWithoutWriting(
      ctx.db,
      () =>
        send('POST', 'time-off', {
          personId: 999_999,
          firstDay: '2026-10-12',
          lastDay: '2026-10-12',
        }),
      422,
    )
    expect(unknown.code).toBe('unknown_person')
    const p = await t.person()
    const long = await refusedWithoutWriting(
      ctx.db,
      () =>
        send('POST', 'time-off', { personId: p.id, firstDay: '2026-10-12', lastDay: '2029-10-12' }),
      400,
    )
    expect(long.details?.[0]?.path).toBe('json.lastDay')
    const o = await added({ personId: p.id, firstDay: '2026-10-12', lastDay: '2026-10-12' })
    for (const headers of await t.readers()) {
      const body = { personId: p.id, firstDay: '2026-12-01', lastDay: '2026-12-01' }
      await refusedWithoutWriting(ctx.db, () => send('POST', 'time-off', body, headers), 403)
      await refusedWithoutWriting(
        ctx.db,
        () => send('PATCH', `time-off/${o.id}`, { note: 'x' }, headers),
        403,
      )
      await refusedWithoutWriting(
        ctx.db,
        () => send('DELETE', `time-off/${o.id}`, undefined, headers),
        403,
      )
    }
    expect((await send('DELETE', `time-off/${o.id}`)).status).toBe(204)
    expect((await t.auditOf('time_off', o.id)).at(-1)).toMatchObject({
      action: 'delete',
      changes: { firstDay: { from: '2026-10-12', to: null } },
    })
    const gone = await refusedWithoutWriting(ctx.db, () => send('DELETE', `time-off/${o.id}`), 404)
    expect(gone.code).toBe('time_off_not_found')
    const gone2 = await refusedWithoutWriting(
      ctx.db,
      () => send('PATCH', `time-off/${o.id}`, { note: 'x' }),
      404,
    )
    expect(gone2.code).toBe('time_off_not_found')
  })
})
