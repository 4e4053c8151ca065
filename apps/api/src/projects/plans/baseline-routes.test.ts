import { describe, expect, it } from 'vitest'
import { expectMatches, loginAs } from '../../../test/helpers.ts'
import { projectsTestApp } from '../actuals/test-fixtures.ts'
import { Baselines, WrittenBaseline } from './schemas.ts'

// The clock stands at 09:00 UTC on Thursday 1 October 2026.
const START = new Date('2026-10-01T09:00:00Z')
const t = projectsTestApp(START)
const { ctx, project, line, auditOf, get, send } = t

const plan = [
  { month: '2026-01', amountPence: 100_000 },
  { month: '2026-02', amountPence: 250_000 },
  { month: '2026-12', amountPence: 0 },
]

async function baselines(code: string) {
  const res = await get(`${code}/baselines`)
  expect(res.status, await res.clone().text()).toBe(200)
  return expectMatches(Baselines, await res.json())
}

/** Everything a baseline write touches, to show that a refused one changed nothing. */
const written = async (projectId: number) => ({
  versions: await ctx.db
    .selectFrom('projectBaselines')
    .selectAll()
    .where('projectId', '=', projectId)
    .execute(),
  months: await ctx.db
    .selectFrom('projectBaseline')
    .selectAll()
    .where('projectId', '=', projectId)
    .execute(),
  audit: await auditOf(projectId),
})

describe('baselines', () => {
  it('has none at first: current is null (PV linear over the dates)', async () => {
    const p = await project()
    await line(p.id, {}, 500_000)
    expect(await baselines(p.code)).toEqual({
      code: p.code,
      current: null,
      bac: 500_000,
      versions: [],
    })
  })

  it('adds the first without a reason, and a re-baseline keeps the history', async () => {
    const p = await project()
    await line(p.id, {}, 350_000)
    const first = await send('POST', `${p.code}/baselines`, { months: plan })
    expect(first.status, await first.clone().text()).toBe(201)
    const manager = t.manager().user
    expect(expectMatches(WrittenBaseline, await first.json())).toEqual({
      baseline: {
        version: 1,
        reason: 'Original baseline',
        createdAt: START.toISOString(),
        createdBy: { id: manager.id, name: manager.name },
        months: plan,
        total: 350_000,
      },
      bac: 350_000,
      planTotal: 350_000,
    })

    // A second without a reason is refused and writes nothing.
    const before = await written(p.id)
    const noReason = await send('POST', `${p.code}/baselines`, { months: plan, reason: '  ' })
    expect(noReason.status).toBe(400)
    expect(await noReason.json()).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'json.reason' }] },
    })
    expect(await written(p.id)).toEqual(before)

    ctx.clock.now = new Date('2026-10-01T10:00:00Z')
    const again = await send('POST', `${p.code}/baselines`, {
      reason: ' Vendor delay: work moves to Q4 ',
      months: [{ month: '2026-11', amountPence: 400_000 }],
    })
    expect(again.status).toBe(201)
    // The plan need not add up to BAC: the answer says both.
    expect(expectMatches(WrittenBaseline, await again.json())).toMatchObject({
      baseline: { version: 2, reason: 'Vendor delay: work moves to Q4', total: 400_000 },
      bac: 350_000,
      planTotal: 400_000,
    })
    const all = await baselines(p.code)
    expect(all.current).toBe(2)
    expect(all.versions.map((v) => [v.version, v.reason, v.total, v.createdAt])).toEqual([
      [2, 'Vendor delay: work moves to Q4', 400_000, '2026-10-01T10:00:00.000Z'],
      [1, 'Original baseline', 350_000, START.toISOString()],
    ])
    expect(all.versions[1]?.months).toEqual(plan)
    expect((await auditOf(p.id)).map((a) => a.changes)).toEqual([
      {
        code: p.code,
        version: { from: null, to: 1 },
        reason: { from: null, to: 'Original baseline' },
        planTotal: { from: null, to: 350_000 },
        months: { from: null, to: 3 },
      },
      {
        code: p.code,
        version: { from: 1, to: 2 },
        reason: { from: 'Original baseline', to: 'Vendor delay: work moves to Q4' },
        planTotal: { from: 350_000, to: 400_000 },
        months: { from: 3, to: 1 },
      },
    ])
  })

  it('refuses a month outside the project’s months, naming it, and bad plans', async () => {
    const p = await project({ startDate: '2026-03-15', endDate: '2026-06-10' })
    const outside = await send('POST', `${p.code}/baselines`, {
      months: [
        { month: '2026-03', amountPence: 1 },
        { month: '2026-07', amountPence: 1 },
      ],
    })
    expect(outside.status).toBe(400)
    expect(await outside.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        details: [
          { path: 'json.months.1.month', message: expect.stringContaining('2026-03 to 2026-06') },
        ],
      },
    })
    const cases: [unknown, string[]][] = [
      [[], ['json.months']],
      [[{ month: '2026-13', amountPence: 1 }], ['json.months.0.month']],
      [[{ month: '2026-04', amountPence: -1 }], ['json.months.0.amountPence']],
      [[{ month: '2026-04', amountPence: 1.5 }], ['json.months.0.amountPence']],
      [
        [
          { month: '2026-04', amountPence: 1 },
          { month: '2026-04', amountPence: 2 },
        ],
        ['json.months.1.month'],
      ],
    ]
    for (const [months, paths] of cases) {
      const res = await send('POST', `${p.code}/baselines`, { months })
      expect(res.status, JSON.stringify(months)).toBe(400)
      const { error } = (await res.json()) as { error: { details: { path: string }[] } }
      expect(error.details.map((d) => d.path)).toEqual(paths)
    }
    expect(await written(p.id)).toEqual({ versions: [], months: [], audit: [] })
  })

  it('is 404 for no such project; a viewer reads but may not write', async () => {
    expect((await get('PRJ-NONE/baselines')).status).toBe(404)
    expect((await send('POST', 'PRJ-NONE/baselines', { months: plan })).status).toBe(404)
    const p = await project()
    const viewer = await loginAs(ctx, 'viewer')
    expect((await get(`${p.code}/baselines`, viewer.headers)).status).toBe(200)
    expect(
      (await send('POST', `${p.code}/baselines`, { months: plan }, viewer.headers)).status,
    ).toBe(403)
    expect(await written(p.id)).toEqual({ versions: [], months: [], audit: [] })
  })
})
