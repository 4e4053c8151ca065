import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches } from '../../../test/helpers.ts'
import { BaselinesCommitted, BaselinesPreview } from './schemas.ts'
import { createProject, crlf, expectStatus, importApp } from './testing.ts'

let app: Awaited<ReturnType<typeof importApp>>
beforeAll(async () => {
  app = await importApp()
})
afterAll(() => app.drop())

const preview = async (csv: string) => {
  const res = await app.post<BaselinesPreview>('/imports/baselines/preview', {
    csv,
    reason: 'Preview',
  })
  expectStatus(res, 200)
  return expectMatches(BaselinesPreview, res.body)
}
const commit = (csv: string, reason = 'Original plan') =>
  app.post<BaselinesCommitted>('/imports/baselines/commit', { csv, reason })

const plansOf = (projectId: number) =>
  app.db
    .selectFrom('projectBaselines as v')
    .innerJoin('projectBaseline as b', (j) =>
      j.onRef('b.projectId', '=', 'v.projectId').onRef('b.version', '=', 'v.version'),
    )
    .select(['v.version', 'v.reason', 'b.month', 'b.plannedPence'])
    .where('v.projectId', '=', projectId)
    .orderBy('v.version')
    .orderBy('b.month')
    .execute()

describe('importing baseline plans', () => {
  it('makes a new baseline version per project and keeps the old; the same file again adds none', async () => {
    const id = await createProject(app.db, 'PLAN-A', {
      startDate: '2026-02-10',
      endDate: '2026-04-20',
    })
    const first = crlf('Project,Month,Amount', 'PLAN-A,2026-02,"£1,000"', 'PLAN-A,03/2026,2000')
    const res = await commit(first)
    expectStatus(res, 200)
    expect(expectMatches(BaselinesCommitted, res.body)).toEqual({
      duplicate: 0,
      projects: [{ code: 'PLAN-A', version: 1, months: 2, plannedPence: 300_000 }],
    })
    // The same plan again: its rows are the current baseline, so no new version.
    expect((await preview(first)).rows.map((r) => r.status)).toEqual(['duplicate', 'duplicate'])
    expect((await commit(first)).body).toEqual({ duplicate: 2, projects: [] })

    const second = [
      'month,amount,project',
      'Feb 2026,500,PLAN-A',
      'Mar 2026,1500,PLAN-A',
      'april 2026,1000,PLAN-A',
    ].join('\n')
    const rebaselined = await commit(second, 'Scope added in April')
    expect(rebaselined.body.projects).toEqual([
      { code: 'PLAN-A', version: 2, months: 3, plannedPence: 300_000 },
    ])
    expect(await plansOf(id)).toEqual([
      { version: 1, reason: 'Original plan', month: '2026-02-01', plannedPence: 100_000 },
      { version: 1, reason: 'Original plan', month: '2026-03-01', plannedPence: 200_000 },
      { version: 2, reason: 'Scope added in April', month: '2026-02-01', plannedPence: 50_000 },
      { version: 2, reason: 'Scope added in April', month: '2026-03-01', plannedPence: 150_000 },
      { version: 2, reason: 'Scope added in April', month: '2026-04-01', plannedPence: 100_000 },
    ])
    const audit = await app.db
      .selectFrom('auditLog')
      .select('changes')
      .where('action', '=', 'add_baseline')
      .where('entityId', '=', String(id))
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.changes)).toMatchObject([
      { version: { from: null, to: 1 }, reason: { to: 'Original plan' } },
      { version: { from: 1, to: 2 }, reason: { to: 'Scope added in April' } },
    ])
  })

  it('reports months outside the dates, repeated months and bad amounts, and writes nothing', async () => {
    const id = await createProject(app.db, 'PLAN-B', {
      startDate: '2026-03-01',
      endDate: '2026-05-31',
    })
    const csv = [
      'project,month,amount',
      'PLAN-B,2026-02,100',
      'PLAN-B,2026-03,100',
      'PLAN-B,Mar 2026,100',
      'PLAN-B,2026-04,(5.00)',
      'PLAN-B,31/04/2026,1',
      'PLAN-X,2026-04,1',
    ].join('\n')
    const checked = await preview(csv)
    expect(checked.rows.flatMap((r) => r.errors.map((e) => ({ line: r.line, ...e })))).toEqual([
      {
        line: 2,
        column: 'month',
        message: "2026-02 is outside PLAN-B's dates (2026-03 to 2026-05)",
      },
      { line: 4, column: 'month', message: '2026-03 is already on line 3' },
      {
        line: 5,
        column: 'amount',
        message: '(5.00) is below zero: a plan spends, it is not credited',
      },
      {
        line: 6,
        column: 'month',
        message: '31/04/2026 is not a month: write 2026-03, 03/2026 or Mar 2026',
      },
      { line: 7, column: 'project', message: 'PLAN-X is not a project code' },
    ])
    const res = await commit(csv)
    expectStatus(res, 422)
    expect(res.body).toMatchObject({ error: { code: 'invalid_import' } })
    expect(await plansOf(id)).toEqual([])
  })

  it('refuses a row with more cells than the header (an unquoted 1,000), not trailing commas', async () => {
    const id = await createProject(app.db, 'PLAN-C', {
      startDate: '2026-03-01',
      endDate: '2026-05-31',
    })
    const csv = crlf('project,month,amount,', 'PLAN-C,2026-03,100,,', 'PLAN-C,2026-04,1,000')
    const checked = await preview(csv)
    const message =
      'has 4 cells; the header has 3 columns: remove the extra cells, quote a cell that holds a comma, or add the column to the header'
    expect(checked.rows.map((r) => [r.line, r.status, r.errors])).toEqual([
      [2, 'new', []],
      [3, 'error', [{ column: 'row', message }]],
    ])
    expect(checked.summary).toMatchObject({ errors: 1, committable: false })
    const res = await commit(csv)
    expectStatus(res, 422)
    expect(res.body).toMatchObject({
      error: {
        code: 'invalid_import',
        details: [{ path: 'json.csv', line: 3, column: 'row', message }],
      },
    })
    expect(await plansOf(id)).toEqual([])
  })

  it('needs a reason', async () => {
    const res = await app.post('/imports/baselines/commit', { csv: 'project,month,amount' })
    expectStatus(res, 400)
  })
})
