import { MAX_IMPORT_BYTES } from '@opsdeck/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches } from '../../../test/helpers.ts'
import { ErrorEnvelope } from '../../lib/openapi.ts'
import { ActualsCommitted, ActualsPreview } from './schemas.ts'
import { createProject, crlf, entriesOf, expectStatus, importApp } from './testing.ts'

let app: Awaited<ReturnType<typeof importApp>>
beforeAll(async () => {
  app = await importApp()
})
afterAll(() => app.drop())

const HEADER = 'project,date,amount,category,spend_type,supplier,reference,description'
const preview = async (csv: string) => {
  const res = await app.post<ActualsPreview>('/imports/actuals/preview', { csv })
  expectStatus(res, 200)
  return expectMatches(ActualsPreview, res.body)
}
const commit = (csv: string) => app.post<unknown>('/imports/actuals/commit', { csv })
// AC to date: every cost entry of the project up to today.
const acOf = async (code: string) =>
  (
    await app.db
      .selectFrom('costEntries as c')
      .innerJoin('projects as p', 'p.id', 'c.projectId')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('c.amountPence'), eb.lit(0)).as('ac'))
      .where('p.code', '=', code)
      .where('c.incurredOn', '<=', '2026-11-04')
      .executeTakeFirstOrThrow()
  ).ac

describe('importing actuals', () => {
  it('previews, then writes every row and the AC moves; the same file again adds nothing', async () => {
    const a = await createProject(app.db, 'IMP-A')
    const b = await createProject(app.db, 'IMP-B')
    const csv = [
      HEADER,
      'IMP-A,2026-03-31,"£1,234.56",labour,opex,Acme Ltd,INV-1,March contractors',
      'IMP-A,2026-04-02,(100.00),Labour,OPEX,Acme Ltd,CN-1,Credit note',
      'IMP-B,2026-04-15,500,Hardware,capex,Dell,INV-1,',
    ].join('\n')
    const before = await preview(csv)
    expect(before.summary).toEqual({
      total: 3,
      new: 3,
      duplicate: 0,
      errors: 0,
      amountPence: 123_456 - 10_000 + 50_000,
      committable: true,
    })
    expect(before.rows[1]).toEqual({
      line: 3,
      status: 'new',
      values: {
        projectCode: 'IMP-A',
        incurredOn: '2026-04-02',
        amountPence: -10_000,
        category: 'labour',
        spendType: 'opex',
        supplier: 'Acme Ltd',
        reference: 'CN-1',
        description: 'Credit note',
      },
      errors: [],
    })
    expect(await entriesOf(app.db, a)).toEqual([])
    expect(await acOf('IMP-A')).toBe(0)

    const res = await commit(csv)
    expectStatus(res, 200)
    expect(expectMatches(ActualsCommitted, res.body)).toEqual({
      written: 3,
      duplicate: 0,
      amountPence: 163_456,
      projects: [
        { code: 'IMP-A', written: 2, amountPence: 113_456 },
        { code: 'IMP-B', written: 1, amountPence: 50_000 },
      ],
    })
    expect(await acOf('IMP-A')).toBe(113_456)
    expect(await acOf('IMP-B')).toBe(50_000)
    expect(await entriesOf(app.db, b)).toEqual([
      {
        incurredOn: '2026-04-15',
        amountPence: 50_000,
        category: 'hardware',
        spendType: 'capex',
        supplier: 'Dell',
        reference: 'INV-1',
        description: '',
      },
    ])
    const audit = await app.db
      .selectFrom('auditLog')
      .select(['entityId', 'changes', 'actorUserId'])
      .where('action', '=', 'import_actuals')
      .orderBy('entityId')
      .execute()
    expect(audit).toEqual([
      {
        entityId: String(a),
        changes: { costEntries: 2, amountPence: 113_456 },
        actorUserId: expect.any(Number),
      },
      {
        entityId: String(b),
        changes: { costEntries: 1, amountPence: 50_000 },
        actorUserId: expect.any(Number),
      },
    ])

    // A re-import: every row a duplicate, nothing written.
    const again = await preview(csv)
    expect(again.rows.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate'])
    expect(again.summary).toMatchObject({ new: 0, duplicate: 3, amountPence: 0, committable: true })
    const second = await commit(csv)
    expectStatus(second, 200)
    expect(second.body).toEqual({ written: 0, duplicate: 3, amountPence: 0, projects: [] })
    expect(await entriesOf(app.db, a)).toHaveLength(2)
    expect(await acOf('IMP-A')).toBe(113_456)
  })

  it('reports every bad row with its line and column, and writes nothing', async () => {
    const c = await createProject(app.db, 'IMP-C')
    const csv = [
      HEADER,
      'IMP-C,2026-05-01,10,labour,opex,Acme,OK-1,fine',
      'IMP-C,not a date,10,labour,opex,Acme,BAD-1,',
      'IMP-C,31/02/2026,10,labour,opex,Acme,BAD-2,',
      'IMP-C,2026-05-01,"£1,2,3",labour,opex,Acme,BAD-3,',
      'NOPE,2026-05-01,10,labour,opex,Acme,BAD-4,',
      'IMP-C,2026-05-01,10,travel,opex,Acme,BAD-5,',
      'IMP-C,2026-05-01,10,labour,both,Acme,,',
      'IMP-C,2026-05-01,10,labour,opex,Acme,OK-1,again',
    ].join('\n')
    const checked = await preview(csv)
    const errors = checked.rows.flatMap((r) => r.errors.map((e) => ({ line: r.line, ...e })))
    const expected = [
      {
        line: 3,
        column: 'date',
        message: 'not a date is not a date: write 2026-03-31 or 31/03/2026',
      },
      { line: 4, column: 'date', message: '31/02/2026 is not a date' },
      {
        line: 5,
        column: 'amount',
        message: '£1,2,3 is not an amount: write 1234.56, £1,234.56 or (1,234.56) for a credit',
      },
      { line: 6, column: 'project', message: 'NOPE is not a project code' },
      {
        line: 7,
        column: 'category',
        message:
          'travel is not a category: one of labour, licences, hardware, cloud, services, contingency',
      },
      { line: 8, column: 'spend_type', message: 'both is not capex or opex' },
      {
        line: 8,
        column: 'reference',
        message: 'is empty: give the invoice or journal number a re-import is matched by',
      },
      { line: 9, column: 'reference', message: 'OK-1 is already on line 2 for IMP-C' },
    ]
    expect(errors).toEqual(expected)
    expect(checked.rows.map((r) => r.status)).toEqual(['new', ...Array(7).fill('error')])
    expect(checked.summary).toMatchObject({ total: 8, new: 1, errors: 7, committable: false })
    expect(checked.rows[2]?.values).toMatchObject({ incurredOn: null, amountPence: 1000 })

    const res = await commit(csv)
    expectStatus(res, 422)
    const body = expectMatches(ErrorEnvelope, res.body)
    expect(body.error).toEqual({
      code: 'invalid_import',
      message: 'The file has 8 errors: nothing was written',
      details: expected.map((e) => ({ path: 'json.csv', ...e })),
    })
    expect(await entriesOf(app.db, c)).toEqual([])
  })

  it('reads UK dates and amounts, a BOM, CRLF and a quoted cell over two lines', async () => {
    const d = await createProject(app.db, 'IMP-D')
    const csv =
      '\uFEFF' +
      crlf(
        // Other names, another order, any case; an unknown column is a warning.
        'Reference,Amount,Date,Category,Capex/Opex,Project,Notes',
        'UK-1,"£2,500",1/3/2026,Cloud,Capex,IMP-D,ignored',
        // A code typed in lower case is the project's: codes are always capitals.
        'UK-2,"-£0.50",31/03/2026,cloud,opex,imp-d,"two\r\nlines"',
        'UK-3,99.9,bad,cloud,opex,IMP-D,',
      )
    const checked = await preview(csv)
    expect(checked.warnings).toEqual(['Column "Notes" is not one the import reads: ignored'])
    expect(checked.rows.map((r) => r.values.projectCode)).toEqual(['IMP-D', 'IMP-D', 'IMP-D'])
    expect(checked.rows.map((r) => [r.line, r.values.incurredOn, r.values.amountPence])).toEqual([
      [2, '2026-03-01', 250_000],
      [3, '2026-03-31', -50],
      // After a cell holding a line end: the row starts on line 5.
      [5, null, 9990],
    ])
    const fixed = csv.replace(',bad,', ',2026-04-01,')
    expectStatus(await commit(fixed), 200)
    expect((await entriesOf(app.db, d)).map((e) => [e.reference, e.amountPence])).toEqual([
      ['UK-1', 250_000],
      ['UK-2', -50],
      ['UK-3', 9990],
    ])
  })

  it('refuses a recorded reference with other values, naming them', async () => {
    const e = await createProject(app.db, 'IMP-E')
    expectStatus(await commit(`${HEADER}\nIMP-E,2026-06-01,100,licences,opex,MS,E-1,`), 200)
    const res = await commit(`${HEADER}\nIMP-E,2026-06-01,120,licences,opex,MS,E-1,`)
    expectStatus(res, 422)
    expect(res.body).toMatchObject({
      error: {
        details: [
          {
            line: 2,
            column: 'reference',
            message:
              'E-1 is already recorded for IMP-E with another amount (100.00): correct that entry, or use a new reference',
          },
        ],
      },
    })
    expect((await entriesOf(app.db, e)).map((r) => r.amountPence)).toEqual([10_000])
  })

  it('holds every cell to the rules the API writes by: dates 2000–2999, one-line safe names', async () => {
    const f = await createProject(app.db, 'IMP-F')
    const csv = [
      HEADER,
      'IMP-F,0001-01-01,10,labour,opex,Acme,R-1,',
      'IMP-F,1999-12-31,10,labour,opex,Acme,R-2,',
      'IMP-F,3000-01-01,10,labour,opex,Acme,R-3,',
      'IMP-F,2026-05-01,10,labour,opex,\u202Eevil,R-4,',
      'IMP-F,2026-05-01,10,labour,opex,"two\nlines",R-5,',
      'IMP-F,2026-05-01,10,labour,opex,Acme,R\u200B6,',
      'IMP-F,2000-01-01,10,labour,opex,Acme,R-8,"fine\nover lines"',
    ].join('\n')
    const checked = await preview(csv)
    expect(
      checked.rows.map((r) => [
        r.line,
        r.status,
        ...r.errors.map((e) => `${e.column}: ${e.message}`),
      ]),
    ).toEqual([
      [2, 'error', 'date: 0001-01-01 is before 2000-01-01'],
      [3, 'error', 'date: 1999-12-31 is before 2000-01-01'],
      [4, 'error', 'date: 3000-01-01 is after 2999'],
      [
        5,
        'error',
        'supplier: must not contain Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069)',
      ],
      [6, 'error', 'supplier: must be one line, without control characters'],
      [
        8,
        'error',
        'reference: must not contain invisible format characters or line separators (e.g. U+200B, U+200E, U+2028)',
      ],
      [9, 'new'],
    ])
    expectStatus(await commit(csv), 422)
    expect(await entriesOf(app.db, f)).toEqual([])
  })

  it('refuses a NUL character as a file problem (a UTF-16 file read as UTF-8), not a 500', async () => {
    await createProject(app.db, 'IMP-G')
    for (const csv of [
      `${HEADER}\nIMP-G,2026-05-01,10,labour,opex,Acme,R-1\u0000,`,
      `${HEADER}\nIMP-G\u0000,2026-05-01,10,labour,opex,Acme,R-1,`,
      // UTF-16LE bytes decoded as UTF-8: a NUL after every character.
      `${HEADER}\nIMP-G,2026-05-01,10,labour,opex,Acme,R-1,`.replace(/(.)/gsu, '$1\u0000'),
    ]) {
      const checked = await preview(csv)
      expect(checked.fileErrors).toEqual([
        {
          line: csv.startsWith('p\u0000') ? 1 : 2,
          column: null,
          message:
            'The file holds NUL characters: save it as CSV UTF-8 (a UTF-16 file cannot be read)',
        },
      ])
      expect(checked.summary.committable).toBe(false)
      expectStatus(await commit(csv), 422)
    }
  })

  it('names what is wrong with the file itself', async () => {
    const missing = await preview('project,date,amount\nIMP-A,2026-01-01,1')
    expect(missing.fileErrors).toEqual(
      ['category', 'spend_type', 'reference'].map((column) => ({
        line: 1,
        column,
        message: `The ${column} column is missing`,
      })),
    )
    expect(missing.summary.committable).toBe(false)
    const quote = await preview(`${HEADER}\nIMP-A,2026-01-01,1,labour,opex,"Acme,R-1,`)
    expect(quote.fileErrors).toEqual([
      { line: 2, column: null, message: 'A quoted cell is never closed: check for a missing "' },
    ])
    expect((await preview(HEADER)).fileErrors).toEqual([
      { line: 1, column: null, message: 'The file has a header but no rows' },
    ])
  })

  it('refuses a file over the limit with 413, and a viewer with 403', async () => {
    const big = `${HEADER}\n${'x'.repeat(MAX_IMPORT_BYTES)}`
    for (const step of ['preview', 'commit']) {
      const res = await app.post(`/imports/actuals/${step}`, { csv: big })
      expectStatus(res, 413)
      expect(res.body).toMatchObject({ error: { code: 'payload_too_large' } })
    }
    const res = await app.post('/imports/actuals/preview', { csv: HEADER }, app.viewer)
    expectStatus(res, 403)
  })
})
