import { describe, expect, it } from 'vitest'
import { expectMatches } from '../../../test/helpers.ts'
import { capacityTestApp, refusedWithoutWriting } from '../allocations/test-fixtures.ts'
import { ClosureDay, ClosureDayList } from './schemas.ts'

const t = capacityTestApp(new Date('2026-10-01T09:00:00Z'))
const { ctx, send, get } = t

describe('/api/v1/closure-days', () => {
  it('closes a day once (409 after), lists by range, opens it again; audited; readers 403', async () => {
    const res = await send('POST', 'closure-days', {
      day: '2026-12-29',
      name: ' Christmas shutdown ',
    })
    expect(res.status).toBe(201)
    expect(expectMatches(ClosureDay, await res.json())).toEqual({
      day: '2026-12-29',
      name: 'Christmas shutdown',
      createdAt: '2026-10-01T09:00:00.000Z',
    })
    await send('POST', 'closure-days', { day: '2026-12-30', name: 'Christmas shutdown' })
    const taken = await refusedWithoutWriting(
      ctx.db,
      () => send('POST', 'closure-days', { day: '2026-12-29', name: 'Again' }),
      409,
    )
    expect(taken).toMatchObject({
      code: 'closure_day_taken',
      details: [{ path: 'json.day', message: 'is already a closure day (Christmas shutdown)' }],
    })
    const [viewer, token] = await t.readers()
    const listed = await get('closure-days?from=2026-12-30&to=2026-12-31', token)
    expect(
      expectMatches(ClosureDayList, await listed.json()).closureDays.map((d) => d.day),
    ).toEqual(['2026-12-30'])
    for (const headers of [viewer, token]) {
      await refusedWithoutWriting(
        ctx.db,
        () => send('POST', 'closure-days', { day: '2026-12-31', name: 'x' }, headers),
        403,
      )
      await refusedWithoutWriting(
        ctx.db,
        () => send('DELETE', 'closure-days/2026-12-29', undefined, headers),
        403,
      )
    }
    expect((await send('DELETE', 'closure-days/2026-12-29')).status).toBe(204)
    expect(await t.auditOf('closure_day', '2026-12-29')).toEqual([
      {
        action: 'create',
        actorUserId: t.manager().user.id,
        changes: { name: { from: null, to: 'Christmas shutdown' } },
      },
      {
        action: 'delete',
        actorUserId: t.manager().user.id,
        changes: { name: { from: 'Christmas shutdown', to: null } },
      },
    ])
    const gone = await refusedWithoutWriting(
      ctx.db,
      () => send('DELETE', 'closure-days/2026-12-29'),
      404,
    )
    expect(gone.code).toBe('closure_day_not_found')
    const bad = await refusedWithoutWriting(
      ctx.db,
      () => send('DELETE', 'closure-days/2026-13-01'),
      400,
    )
    expect(bad.details?.[0]?.path).toBe('param.day')
  })
})
