import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActualsCommitted, BaselinesCommitted } from './schemas.ts'
import { createProject, entriesOf, expectStatus, importApp, textOf } from './testing.ts'

let app: Awaited<ReturnType<typeof importApp>>
beforeAll(async () => {
  app = await importApp()
})
afterAll(() => app.drop())

describe('the exports', () => {
  it('write actuals in the import’s columns with formulas neutralised, and import back as duplicates', async () => {
    const id = await createProject(app.db, 'EXP-A')
    await app.db
      .insertInto('costEntries')
      .values(
        [
          ['2026-01-05', 123_456, '=SUM(A1)', 'INV-1', 'Plain, with a comma'],
          ['2026-01-06', -1250, '+44 20 7946 0000', '-2+3', '@cmd'],
          ['2026-02-01', 99, 'Acme "Quoted" Ltd', 'INV-3', 'two\nlines'],
        ].map(([incurredOn, amountPence, supplier, reference, description]) => ({
          projectId: id,
          incurredOn: incurredOn as string,
          amountPence: amountPence as number,
          category: 'services' as const,
          spendType: 'opex' as const,
          supplier: supplier as string,
          reference: reference as string,
          description: description as string,
        })),
      )
      .execute()
    const res = await app.get('/exports/actuals.csv?project=EXP-A&to=2026-01-31')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="actuals-EXP-A-2026-01-31.csv"',
    )
    const csv = await textOf(res)
    expect(csv).toBe(
      '\uFEFF' +
        [
          'project,date,amount,category,spend_type,supplier,reference,description',
          'EXP-A,2026-01-05,1234.56,services,opex,\'=SUM(A1),INV-1,"Plain, with a comma"',
          "EXP-A,2026-01-06,(12.50),services,opex,'+44 20 7946 0000,'-2+3,'@cmd",
          '',
        ].join('\r\n'),
    )
    // What a spreadsheet sees: no cell starts a formula.
    const cells = parse(csv, { bom: true }).flat()
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([])

    // All three, the quoted cells and the line end too, import back as duplicates.
    const all = await textOf(await app.get('/exports/actuals.csv?project=EXP-A'))
    const again = await app.post<ActualsCommitted>('/imports/actuals/commit', { csv: all })
    expectStatus(again, 200)
    expect(again.body).toEqual({ written: 0, duplicate: 3, amountPence: 0, projects: [] })
    expect(await entriesOf(app.db, id)).toHaveLength(3)

    // Into a new project the same rows are written as they were.
    const other = await createProject(app.db, 'EXP-B')
    const moved = await app.post<ActualsCommitted>('/imports/actuals/commit', {
      csv: all.replaceAll('EXP-A,', 'EXP-B,'),
    })
    expectStatus(moved, 200)
    expect(await entriesOf(app.db, other)).toEqual(await entriesOf(app.db, id))
  })

  it('write the current baseline, which imports back as a duplicate', async () => {
    await createProject(app.db, 'EXP-C')
    const plan = 'project,month,amount\nEXP-C,2026-01,100\nEXP-C,2026-02,250.5'
    const made = await app.post<BaselinesCommitted>('/imports/baselines/commit', {
      csv: plan,
      reason: 'Plan',
    })
    expectStatus(made, 200)
    const res = await app.get('/exports/baselines.csv?project=EXP-C')
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="baselines-EXP-C.csv"',
    )
    const csv = await textOf(res)
    expect(csv).toBe(
      '\uFEFFproject,month,amount\r\nEXP-C,2026-01,100.00\r\nEXP-C,2026-02,250.50\r\n',
    )
    const again = await app.post('/imports/baselines/commit', { csv, reason: 'Again' })
    expect(again.body).toEqual({ duplicate: 2, projects: [] })
  })

  it('answer 404 for an unknown project, and 401 to nobody', async () => {
    expect((await app.get('/exports/actuals.csv?project=NOPE')).status).toBe(404)
    expect((await app.get('/exports/baselines.csv?project=NOPE')).status).toBe(404)
    expect((await app.get('/exports/actuals.csv', {})).status).toBe(401)
  })
})
