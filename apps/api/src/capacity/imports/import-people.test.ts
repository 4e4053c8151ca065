import { MAX_IMPORT_BYTES } from '@opsdeck/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches } from '../../../test/helpers.ts'
import { ErrorEnvelope } from '../../lib/openapi.ts'
import { PeopleCommitted, PeoplePreview } from './schemas.ts'
import { createPerson, createTeam, crlf, errorsOf, expectStatus, importApp } from './testing.ts'

let app: Awaited<ReturnType<typeof importApp>>
beforeAll(async () => {
  app = await importApp()
  await createTeam(app.db, 'platform', 'Platform')
  await createTeam(app.db, 'service-desk', 'Service Desk')
})
afterAll(() => app.drop())

const HEADER =
  'name,email,team,role,contracted_hours,working_days,skills,region,start_date,end_date,cost_rate'
const preview = async (csv: string) => {
  const res = await app.post<PeoplePreview>('/imports/people/preview', { csv })
  expectStatus(res, 200)
  return expectMatches(PeoplePreview, res.body)
}
const commit = (csv: string) => app.post<unknown>('/imports/people/commit', { csv })
const personBy = (email: string) =>
  app.db
    .selectFrom('people as p')
    .innerJoin('teams as t', 't.id', 'p.teamId')
    .select(['p.id', 'p.name', 't.slug', 'p.role', 'p.contractedHoursPerWeek', 'p.workingDays'])
    .select(['p.skills', 'p.bankHolidayRegion', 'p.startDate', 'p.endDate'])
    .select('p.costRatePencePerHour')
    .where('p.email', '=', email)
    .executeTakeFirst()
const peopleCount = async () =>
  Number(
    (
      await app.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('importing people', () => {
  it('previews, then adds everyone with their first team; the same file again adds nothing', async () => {
    const csv = [
      HEADER,
      'Ann Lee,ann@example.test,platform,Engineer,37.5,Mon-Fri,Linux;AWS,,2024-01-15,,45.50',
      // A team by its name in any case, a part-time pattern with an en dash, a Scottish region
      // by name, UK dates and a cost rate in pounds with a £ and a comma.
      'Bob Roy,Bob@Example.test,service desk,Analyst,22.5,Mon–Wed,ITIL,Scotland,1/3/2026,31/12/2026,"£1,000"',
      'Cat Ng,cat@example.test,Platform,SRE,30,"Mon,Tue,Thu",,GB-NIR,,,',
    ].join('\n')
    const before = await preview(csv)
    expect(before.summary).toEqual({
      total: 3,
      new: 3,
      duplicate: 0,
      errors: 0,
      committable: true,
    })
    expect(before.rows[1]).toEqual({
      line: 3,
      status: 'new',
      values: {
        name: 'Bob Roy',
        email: 'bob@example.test',
        team: 'service-desk',
        role: 'Analyst',
        contractedHoursPerWeek: 22.5,
        workingDays: [1, 2, 3],
        skills: ['ITIL'],
        region: 'GB-SCT',
        startDate: '2026-03-01',
        endDate: '2026-12-31',
        costRatePencePerHour: 100_000,
      },
      errors: [],
    })
    expect(await personBy('ann@example.test')).toBeUndefined()

    const res = await commit(csv)
    expectStatus(res, 200)
    expect(expectMatches(PeopleCommitted, res.body)).toEqual({
      written: 3,
      duplicate: 0,
      teams: [
        { slug: 'platform', name: 'Platform', written: 2 },
        { slug: 'service-desk', name: 'Service Desk', written: 1 },
      ],
    })
    expect(await personBy('cat@example.test')).toMatchObject({
      slug: 'platform',
      contractedHoursPerWeek: 30,
      workingDays: [1, 2, 4],
      skills: [],
      bankHolidayRegion: 'GB-NIR',
      startDate: null,
      costRatePencePerHour: 0,
    })
    const ann = (await personBy('ann@example.test'))!
    expect(ann).toMatchObject({ skills: ['Linux', 'AWS'], costRatePencePerHour: 4550 })
    // The insert trigger opened her first membership, from her start day.
    expect(
      await app.db
        .selectFrom('teamMemberships')
        .select(['firstDay', 'lastDay'])
        .where('personId', '=', ann.id)
        .execute(),
    ).toEqual([{ firstDay: '2024-01-15', lastDay: null }])
    const audit = await app.db
      .selectFrom('auditLog')
      .select(['entity', 'entityId', 'changes', 'actorUserId'])
      .where('action', '=', 'import')
      .where('entity', '=', 'person')
      .where('entityId', '=', String(ann.id))
      .execute()
    expect(audit).toEqual([
      {
        entity: 'person',
        entityId: String(ann.id),
        actorUserId: expect.any(Number),
        changes: expect.objectContaining({
          email: { from: null, to: 'ann@example.test' },
          workingDays: { from: null, to: [1, 2, 3, 4, 5] },
        }),
      },
    ])

    // A re-import: every row a duplicate, nothing written.
    const count = await peopleCount()
    const again = await preview(csv)
    expect(again.rows.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate'])
    expect(again.summary).toMatchObject({ new: 0, duplicate: 3, committable: true })
    const second = await commit(csv)
    expectStatus(second, 200)
    expect(second.body).toEqual({ written: 0, duplicate: 3, teams: [] })
    expect(await peopleCount()).toBe(count)
  })

  it('reports every bad row with its line and column, and writes nothing', async () => {
    const count = await peopleCount()
    const csv = [
      HEADER,
      'Good One,good@example.test,platform,Engineer,37.5,,,,,,',
      ',bad1@example.test,platform,Engineer,37.5,,,,,,',
      'No Email,,platform,Engineer,37.5,,,,,,',
      'Bad Email,not-an-email,platform,Engineer,37.5,,,,,,',
      'No Team,bad2@example.test,finance,Engineer,37.5,,,,,,',
      'Too Long,bad3@example.test,platform,Engineer,81,,,,,,',
      'Words,bad4@example.test,platform,Engineer,full time,Mo-Fr,,Wales and Mars,,,',
      'Dates,bad5@example.test,platform,,37.5,,,,31/02/2026,2025-01-01,-5',
      'Backwards,bad6@example.test,platform,Engineer,37.5,,,,2026-06-01,2026-05-31,',
      'Again,GOOD@example.test,platform,Engineer,37.5,,,,,,',
      'Decimals,bad7@example.test,platform,Engineer,37.125,Fri-Mon,,,,,',
    ].join('\n')
    const checked = await preview(csv)
    const expected = [
      '3 name: must not be empty',
      '4 email: is empty: give the person’s email, which a re-import is matched by',
      '5 email: must be an email address',
      '6 team: finance is no team: give a team’s slug or name',
      '7 contracted_hours: must be at most 80',
      '8 contracted_hours: full time is not a number of hours: write 37.5',
      '8 working_days: Mo-Fr is not a working pattern: write Mon-Fri, Mon-Wed or Mon,Tue,Thu',
      '8 region: Wales and Mars is not a region: GB-ENG (England and Wales), GB-SCT (Scotland), GB-NIR (Northern Ireland), or empty for the organisation’s region',
      '9 role: must not be empty',
      '9 cost_rate: -5 is not an amount in pounds an hour: write 45.50 or £45.50',
      '9 start_date: 31/02/2026 is not a date',
      '10 end_date: 2026-05-31 is before start_date (2026-06-01)',
      '11 email: good@example.test is already on line 2',
      '12 contracted_hours: must have at most 2 decimals',
      '12 working_days: Fri-Mon is not a working pattern: a range runs forward, Mon to Sun',
    ]
    expect(errorsOf(checked)).toEqual(expected)
    expect(checked.rows.map((r) => r.status)).toEqual(['new', ...Array(10).fill('error')])
    expect(checked.summary).toMatchObject({ total: 11, new: 1, errors: 10, committable: false })

    const res = await commit(csv)
    expectStatus(res, 422)
    const body = expectMatches(ErrorEnvelope, res.body)
    expect(body.error.code).toBe('invalid_import')
    expect(body.error.message).toBe('The file has 15 errors: nothing was written')
    expect(
      (body.error.details as { path: string; line: number; column: string; message: string }[]).map(
        (d) => `${d.line} ${d.column}: ${d.message}`,
      ),
    ).toEqual(expected)
    expect(await personBy('good@example.test')).toBeUndefined()
    expect(await peopleCount()).toBe(count)
  })

  it('reads a BOM, CRLF, other column names in another order and a quoted cell', async () => {
    const csv =
      '\uFEFF' +
      crlf(
        'Email,Full Name,Team Slug,Job Title,Hours,Working Pattern,Tags,Notes',
        'dee@example.test,"Roe, Dee",platform,Engineer,37.5,Mon-Fri,"Go; ""Rust""",ignored',
        'eve@example.test,Eve,platform,Engineer,bad,Mon-Fri,,"two\r\nlines"',
        'fay@example.test,Fay,platform,Engineer,37.5,,,',
      )
    const checked = await preview(csv)
    expect(checked.warnings).toEqual(['Column "Notes" is not one the import reads: ignored'])
    expect(checked.rows.map((r) => [r.line, r.values.name, r.values.skills])).toEqual([
      [2, 'Roe, Dee', ['Go', '"Rust"']],
      [3, 'Eve', []],
      // After a cell holding a line end: the row starts on line 5.
      [5, 'Fay', []],
    ])
    expect(errorsOf(checked)).toEqual([
      '3 contracted_hours: bad is not a number of hours: write 37.5',
    ])
    expectStatus(await commit(csv.replace(',bad,', ',37.5,')), 200)
    expect(await personBy('dee@example.test')).toMatchObject({ name: 'Roe, Dee' })
  })

  it('refuses a row with more cells than the header, but not a spreadsheet’s trailing commas', async () => {
    const count = await peopleCount()
    const csv = [
      'name,email,team,role,contracted_hours',
      'Fi,fi@x.org,platform,SRE,10,extra',
      'Gil,gil@x.org,platform,SRE,10,,',
      'Hal,hal@x.org,platform,SRE,10, ,',
    ].join('\n')
    const checked = await preview(csv)
    const expected = [
      '2 row: has 6 cells; the header has 5 columns: remove the extra cells, quote a cell that holds a comma, or add the column to the header',
    ]
    expect(errorsOf(checked)).toEqual(expected)
    expect(checked.rows.map((r) => r.status)).toEqual(['error', 'new', 'new'])
    expect(checked.summary).toMatchObject({ new: 2, errors: 1, committable: false })

    const res = await commit(csv)
    expectStatus(res, 422)
    const body = expectMatches(ErrorEnvelope, res.body)
    expect(body.error.code).toBe('invalid_import')
    expect(
      (body.error.details as { line: number; column: string; message: string }[]).map(
        (d) => `${d.line} ${d.column}: ${d.message}`,
      ),
    ).toEqual(expected)
    expect(await peopleCount()).toBe(count)
    expectStatus(await commit(csv.replace(',extra', '')), 200)
    expect(await personBy('fi@x.org')).toMatchObject({ name: 'Fi', slug: 'platform' })
  })

  it('refuses a stored email with other values, naming them', async () => {
    const team = await createTeam(app.db, 'stored-team', 'Stored')
    await createPerson(app.db, team, 'gus@example.test')
    const res = await commit(`${HEADER}\ngus,GUS@example.test,platform,Engineer,30,,,,,,`)
    expectStatus(res, 422)
    expect(res.body).toMatchObject({
      error: {
        details: [
          {
            line: 2,
            column: 'email',
            message:
              'gus@example.test is already gus’s email, with another team (stored-team), contracted_hours (37.5): the import adds people and changes none (change gus in opsdeck, or correct the row)',
          },
        ],
      },
    })
    const same = await preview(`${HEADER}\ngus,gus@example.test,Stored,Engineer,37.5,,,,,,0`)
    expect(same.rows.map((r) => r.status)).toEqual(['duplicate'])
  })

  it('names what is wrong with the file itself, and a NUL in it', async () => {
    const missing = await preview('name,email\nAnn,ann@example.test')
    expect(missing.fileErrors).toEqual(
      ['team', 'role', 'contracted_hours'].map((column) => ({
        line: 1,
        column,
        message: `The ${column} column is missing`,
      })),
    )
    expect(missing.summary.committable).toBe(false)
    const nul = await preview(`${HEADER}\nAnn,ann\u0000@example.test,platform,Engineer,37.5,,,,,,`)
    expect(nul.fileErrors).toEqual([
      {
        line: 2,
        column: null,
        message:
          'The file holds NUL characters: save it as CSV UTF-8 (a UTF-16 file cannot be read)',
      },
    ])
    expectStatus(await commit(`${HEADER}\nAnn,ann\u0000@example.test,platform,E,1,,,,,,`), 422)
  })

  it('reads a file over 1 MiB (the body limit of other routes) up to the 2 MiB of an import', async () => {
    // 9,000 rows (under the 10,000 an import takes) of 160 bytes: 1.4 MB.
    const row = `${'N'.repeat(100)},big@example.test,platform,Engineer,37.5,,${'s'.repeat(45)},,,,`
    const csv = `${HEADER}\n${`${row}\n`.repeat(9000)}`
    expect(csv.length).toBeGreaterThan(1.3 * 2 ** 20)
    const body = await preview(csv)
    expect(body.fileErrors).toEqual([])
    expect(body.summary.total).toBe(9000)
  })

  it('refuses a file over the limit with 413, and a viewer with 403', async () => {
    const big = `${HEADER}\n${'x'.repeat(MAX_IMPORT_BYTES)}`
    for (const step of ['preview', 'commit']) {
      const res = await app.post(`/imports/people/${step}`, { csv: big })
      expectStatus(res, 413)
      expect(res.body).toMatchObject({ error: { code: 'payload_too_large' } })
      expectStatus(await app.post(`/imports/people/${step}`, { csv: HEADER }, app.viewer), 403)
    }
  })
})
