import { describe, expect, it } from 'vitest'
import { expectMatches, loginAs } from '../../../test/helpers.ts'
import { projectsTestApp } from '../actuals/test-fixtures.ts'
import { ProgressEntry, ProgressList } from './schemas.ts'

// 23:30 UTC on 30 September 2026 is already 1 October in London, the organisation's zone.
const START = new Date('2026-09-30T23:30:00Z')
const t = projectsTestApp(START)
const { ctx, project, auditOf, get, send } = t

async function progress(code: string) {
  const res = await get(`${code}/progress`)
  expect(res.status, await res.clone().text()).toBe(200)
  return expectMatches(ProgressList, await res.json())
}

const written = async (projectId: number) => ({
  rows: await ctx.db
    .selectFrom('projectProgress')
    .selectAll()
    .where('projectId', '=', projectId)
    .execute(),
  audit: await auditOf(projectId),
})

describe('progress', () => {
  it('records, replaces and lists a day’s percent complete, audited with from and to', async () => {
    const p = await project()
    const put = await send('PUT', `${p.code}/progress/2026-06-30`, {
      percentComplete: 40.25,
      note: ' Design done ',
    })
    expect(put.status, await put.clone().text()).toBe(201)
    const manager = t.manager().user
    expect(expectMatches(ProgressEntry, await put.json())).toEqual({
      asOf: '2026-06-30',
      percentComplete: 40.25,
      note: 'Design done',
      recordedAt: START.toISOString(),
      recordedBy: { id: manager.id, name: manager.name },
    })
    // Today where the organisation is, although UTC is still on 30 September.
    expect(
      (await send('PUT', `${p.code}/progress/2026-10-01`, { percentComplete: 55 })).status,
    ).toBe(201)
    const replaced = await send('PUT', `${p.code}/progress/2026-06-30`, {
      percentComplete: 45,
      note: 'Design done',
    })
    expect(replaced.status).toBe(200)
    // The same values again write nothing.
    expect(
      (
        await send('PUT', `${p.code}/progress/2026-06-30`, {
          percentComplete: 45,
          note: 'Design done',
        })
      ).status,
    ).toBe(200)

    expect(
      (await progress(p.code)).entries.map((e) => [e.asOf, e.percentComplete, e.note]),
    ).toEqual([
      ['2026-10-01', 55, ''],
      ['2026-06-30', 45, 'Design done'],
    ])
    expect((await auditOf(p.id)).map((a) => [a.action, a.changes])).toEqual([
      [
        'set_progress',
        {
          code: p.code,
          asOf: '2026-06-30',
          percentComplete: { from: null, to: 40.25 },
          note: { from: null, to: 'Design done' },
        },
      ],
      [
        'set_progress',
        {
          code: p.code,
          asOf: '2026-10-01',
          percentComplete: { from: null, to: 55 },
          note: { from: null, to: '' },
        },
      ],
      [
        'set_progress',
        { code: p.code, asOf: '2026-06-30', percentComplete: { from: 40.25, to: 45 } },
      ],
    ])
  })

  it('refuses the future, a day before the start, and bad values, writing nothing', async () => {
    const p = await project({ startDate: '2026-03-01', endDate: '2026-12-31' })
    for (const [day, body, path] of [
      ['2026-10-02', { percentComplete: 1 }, 'param.asOf'],
      ['2026-02-28', { percentComplete: 1 }, 'param.asOf'],
      ['2026-02-31', { percentComplete: 1 }, 'param.asOf'],
      ['2026-05-01', { percentComplete: 100.01 }, 'json.percentComplete'],
      ['2026-05-01', { percentComplete: -1 }, 'json.percentComplete'],
      ['2026-05-01', { percentComplete: 33.333 }, 'json.percentComplete'],
      ['2026-05-01', { percentComplete: '50' }, 'json.percentComplete'],
    ] as const) {
      const res = await send('PUT', `${p.code}/progress/${day}`, body)
      expect(res.status, `${day} ${JSON.stringify(body)}`).toBe(400)
      expect(await res.json()).toMatchObject({
        error: { code: 'validation_failed', details: [{ path }] },
      })
    }
    expect(await written(p.id)).toEqual({ rows: [], audit: [] })
  })

  it('deletes a day’s progress, audited; 404 progress_not_found for a day without', async () => {
    const p = await project()
    await send('PUT', `${p.code}/progress/2026-07-01`, { percentComplete: 20, note: 'x' })
    const missing = await send('DELETE', `${p.code}/progress/2026-07-02`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { code: 'progress_not_found' } })
    const viewer = await loginAs(ctx, 'viewer')
    expect(
      (await send('DELETE', `${p.code}/progress/2026-07-01`, undefined, viewer.headers)).status,
    ).toBe(403)
    expect(
      (await send('PUT', `${p.code}/progress/2026-07-01`, { percentComplete: 1 }, viewer.headers))
        .status,
    ).toBe(403)
    expect((await progress(p.code)).entries).toHaveLength(1)
    expect((await send('DELETE', `${p.code}/progress/2026-07-01`)).status).toBe(204)
    expect((await progress(p.code)).entries).toEqual([])
    expect((await auditOf(p.id)).at(-1)).toMatchObject({
      action: 'delete_progress',
      changes: {
        asOf: '2026-07-01',
        percentComplete: { from: 20, to: null },
        note: { from: 'x', to: null },
      },
    })
    expect((await get('PRJ-NONE/progress')).status).toBe(404)
    expect((await send('PUT', 'PRJ-NONE/progress/2026-07-01', { percentComplete: 1 })).status).toBe(
      404,
    )
  })
})
