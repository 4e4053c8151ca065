import { MAX_IMPORT_BYTES } from '@opsdeck/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectMatches } from '../../../test/helpers.ts'
import { ErrorEnvelope } from '../../lib/openapi.ts'
import { AllocationsCommitted, AllocationsPreview } from './schemas.ts'
import {
  createPerson,
  createProject,
  createTeam,
  crlf,
  errorsOf,
  expectStatus,
  importApp,
} from './testing.ts'

let app: Awaited<ReturnType<typeof importApp>>
let ann: number
let bob: number
beforeAll(async () => {
  app = await importApp()
  const team = await createTeam(app.db, 'platform', 'Platform')
  ann = await createPerson(app.db, team, 'ann@example.test')
  bob = await createPerson(app.db, team, 'bob@example.test', {
    startDate: '2026-01-01',
    endDate: '2026-06-30',
  })
  await createProject(app.db, 'PRJ-1')
  await createProject(app.db, 'OLD-1', 'closed')
})
afterAll(() => app.drop())

const HEADER = 'person,kind,project,first_day,last_day,hours_per_week,percent,status,note'
const preview = async (csv: string) => {
  const res = await app.post<AllocationsPreview>('/imports/allocations/preview', { csv })
  expectStatus(res, 200)
  return expectMatches(AllocationsPreview, res.body)
}
const commit = (csv: string) => app.post<unknown>('/imports/allocations/commit', { csv })
const allocationsOf = (personId: number) =>
  app.db
    .selectFrom('allocations as a')
    .leftJoin('projects as j', 'j.id', 'a.projectId')
    .select(['a.id', 'a.kind', 'j.code', 'a.firstDay', 'a.lastDay', 'a.hoursPerWeek'])
    .select(['a.percent', 'a.status', 'a.note', 'a.createdByUserId'])
    .where('a.personId', '=', personId)
    .orderBy('a.id')
    .execute()

describe('importing allocations', () => {
  it('previews, then books every row; the same file again adds nothing', async () => {
    const csv = [
      HEADER,
      'ann@example.test,project,prj-1,2026-11-02,2026-12-18,20,,,Build',
      // UK dates, a percent with its sign, a kind by its label, tentative in capitals.
      'ANN@example.test,Run / BAU,,1/12/2026,31/12/2026,,50%,TENTATIVE,',
      'bob@example.test,support,,2026-03-02,2026-03-06,7.5,,confirmed,"On call, week 10"',
    ].join('\n')
    const before = await preview(csv)
    expect(before.summary).toEqual({ total: 3, new: 3, duplicate: 0, errors: 0, committable: true })
    expect(before.rows[1]).toEqual({
      line: 3,
      status: 'new',
      values: {
        person: 'ann@example.test',
        kind: 'run',
        projectCode: null,
        firstDay: '2026-12-01',
        lastDay: '2026-12-31',
        hoursPerWeek: null,
        percent: 50,
        status: 'tentative',
        note: '',
      },
      errors: [],
    })
    expect(await allocationsOf(ann)).toEqual([])

    const res = await commit(csv)
    expectStatus(res, 200)
    expect(expectMatches(AllocationsCommitted, res.body)).toEqual({
      written: 3,
      duplicate: 0,
      people: [
        { email: 'ann@example.test', name: 'ann', written: 2 },
        { email: 'bob@example.test', name: 'bob', written: 1 },
      ],
    })
    const booked = await allocationsOf(ann)
    expect(booked).toEqual([
      {
        id: expect.any(Number),
        kind: 'project',
        code: 'PRJ-1',
        firstDay: '2026-11-02',
        lastDay: '2026-12-18',
        hoursPerWeek: 20,
        percent: null,
        status: 'confirmed',
        note: 'Build',
        createdByUserId: expect.any(Number),
      },
      {
        id: expect.any(Number),
        kind: 'run',
        code: null,
        firstDay: '2026-12-01',
        lastDay: '2026-12-31',
        hoursPerWeek: null,
        percent: 50,
        status: 'tentative',
        note: '',
        createdByUserId: expect.any(Number),
      },
    ])
    expect(await allocationsOf(bob)).toMatchObject([{ note: 'On call, week 10' }])
    const audit = await app.db
      .selectFrom('auditLog')
      .select(['entityId', 'changes'])
      .where('entity', '=', 'allocation')
      .where('action', '=', 'import')
      .where('entityId', '=', String(booked[0]!.id))
      .execute()
    expect(audit).toEqual([
      {
        entityId: String(booked[0]!.id),
        changes: {
          personId: { from: null, to: ann },
          kind: { from: null, to: 'project' },
          projectCode: { from: null, to: 'PRJ-1' },
          firstDay: { from: null, to: '2026-11-02' },
          lastDay: { from: null, to: '2026-12-18' },
          hoursPerWeek: { from: null, to: 20 },
          percent: { from: null, to: null },
          status: { from: null, to: 'confirmed' },
          note: { from: null, to: 'Build' },
        },
      },
    ])
    // GET /allocations answers them as any other.
    const listed = await app.app.request(`/api/v1/allocations?person=${ann}`, {
      headers: app.viewer,
    })
    expect(((await listed.json()) as { allocations: unknown[] }).allocations).toHaveLength(2)

    // A re-import: every row a duplicate (the note is not compared), nothing written.
    // (Quoted: an unquoted comma would be a cell past the header's, an error of its own.)
    const again = await preview(csv.replace('Build', '"Build, phase 1"'))
    expect(again.rows[0]!.values.note).toBe('Build, phase 1')
    expect(again.rows.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate'])
    const second = await commit(csv)
    expectStatus(second, 200)
    expect(second.body).toEqual({ written: 0, duplicate: 3, people: [] })
    expect(await allocationsOf(ann)).toHaveLength(2)
    // The same booking with another amount or status is new.
    const other = await preview(
      [HEADER, 'ann@example.test,project,PRJ-1,2026-11-02,2026-12-18,21,,,Build'].join('\n'),
    )
    expect(other.rows.map((r) => r.status)).toEqual(['new'])
  })

  it('holds every row to POST /allocations’ rules, naming line and column, and writes nothing', async () => {
    const csv = [
      HEADER,
      'ann@example.test,run,,2027-01-04,2027-01-08,10,,,fine',
      'nobody@example.test,run,,2027-01-04,2027-01-08,10,,,',
      ',run,,2027-01-04,2027-01-08,10,,,',
      'ann@example.test,holiday,,2027-01-04,2027-01-08,10,,,',
      'ann@example.test,project,,2027-01-04,2027-01-08,10,,,',
      'ann@example.test,run,PRJ-1,2027-01-04,2027-01-08,10,,,',
      'ann@example.test,project,NOPE-1,2027-01-04,2027-01-08,10,,,',
      'ann@example.test,project,OLD-1,2027-01-04,2027-01-08,10,,,',
      'bob@example.test,run,,2026-07-06,2026-07-10,10,,,',
      'ann@example.test,run,,2027-01-04,2027-01-08,10,50,,',
      'ann@example.test,run,,2027-01-04,2027-01-08,,,,',
      'ann@example.test,run,,2027-01-04,2027-01-08,81,,,',
      'ann@example.test,run,,2027-01-04,2027-01-08,,201,,',
      'ann@example.test,run,,2027-01-08,2027-01-04,10,,,',
      'ann@example.test,run,,31/02/2027,2027-01-08,ten,,maybe,',
      'ann@example.test,run,,2027-01-04,2027-01-08,10,,,fine',
      'ann@example.test,run,,1999-12-31,2030-01-08,10.125,,,',
    ].join('\n')
    const checked = await preview(csv)
    const expected = [
      '3 person: nobody@example.test is no person’s email',
      '4 person: is empty: give the person’s email',
      '5 kind: holiday is not a kind: project, run or support',
      '6 project: is required for kind project',
      '7 project: is only for kind project',
      '8 project: is no project (NOPE-1)',
      '9 project: is closed: book people to a live project',
      '10 first_day: must overlap bob’s employment (from 2026-01-01 to 2026-06-30)',
      '10 last_day: must overlap bob’s employment (from 2026-01-01 to 2026-06-30)',
      '11 percent: give exactly one of hours_per_week and percent',
      '12 hours_per_week: give exactly one of hours_per_week and percent',
      '13 hours_per_week: must be at most 80',
      '14 percent: must be at most 200',
      '15 last_day: must be on or after first_day (2027-01-08)',
      '16 first_day: 31/02/2027 is not a date',
      '16 hours_per_week: ten is not a number of hours: write 37.5',
      '16 status: maybe is not a status: confirmed or tentative (empty is confirmed)',
      '17 person: is booked exactly as on line 2: the same allocation twice',
      '18 first_day: must be 2000-01-01 or later',
      '18 hours_per_week: must have at most 2 decimals',
    ]
    expect(errorsOf(checked)).toEqual(expected)
    expect(checked.summary).toMatchObject({ total: 17, new: 1, errors: 16, committable: false })

    const before = await allocationsOf(ann)
    const res = await commit(csv)
    expectStatus(res, 422)
    const body = expectMatches(ErrorEnvelope, res.body)
    expect(body.error.message).toBe(`The file has ${expected.length} errors: nothing was written`)
    expect(
      (body.error.details as { path: string; line: number; column: string; message: string }[]).map(
        (d) => `${d.path} ${d.line} ${d.column}: ${d.message}`,
      ),
    ).toEqual(expected.map((e) => `json.csv ${e}`))
    expect(await allocationsOf(ann)).toEqual(before)
  })

  it('reads a BOM, CRLF, other column names and a quoted note over two lines', async () => {
    const csv =
      '\uFEFF' +
      crlf(
        'Email,Type,From,To,Percentage,Notes,Extra',
        'bob@example.test,run,2026-04-06,2026-04-10,10,"Cover, ""desk""\r\nthen nights",x',
        'bob@example.test,run,6/4/2026,10/4/2026,bad,,',
        'bob@example.test,support,2026-04-13,2026-04-17,100,,',
      )
    const checked = await preview(csv)
    expect(checked.warnings).toEqual(['Column "Extra" is not one the import reads: ignored'])
    expect(checked.rows.map((r) => [r.line, r.values.note, r.values.percent])).toEqual([
      [2, 'Cover, "desk"\nthen nights', 10],
      [4, '', null],
      [5, '', 100],
    ])
    expect(errorsOf(checked)).toEqual(['4 percent: bad is not a percent: write 50 or 50%'])
    const fixed = csv.replace(',bad,', ',20,')
    expectStatus(await commit(fixed), 200)
    expect((await allocationsOf(bob)).map((a) => [a.firstDay, a.percent, a.note])).toEqual([
      ['2026-03-02', null, 'On call, week 10'],
      ['2026-04-06', 10, 'Cover, "desk"\nthen nights'],
      ['2026-04-06', 20, ''],
      ['2026-04-13', 100, ''],
    ])
  })

  it('names what is wrong with the file itself', async () => {
    const none = await preview(
      'person,kind,first_day,last_day\nann@example.test,run,2027-01-04,2027-01-08',
    )
    expect(none.fileErrors).toEqual([
      {
        line: 1,
        column: 'hours_per_week',
        message: 'The hours_per_week or percent column is missing: give one of them',
      },
    ])
    expect(none.rows).toEqual([])
    expect(none.summary.committable).toBe(false)
    const quote = await preview(`${HEADER}\nann@example.test,run,,2027-01-04,2027-01-08,1,,,"open`)
    expect(quote.fileErrors).toEqual([
      { line: 2, column: null, message: 'A quoted cell is never closed: check for a missing "' },
    ])
  })

  it('refuses a file over the limit with 413, and a viewer with 403', async () => {
    const big = `${HEADER}\n${'x'.repeat(MAX_IMPORT_BYTES)}`
    for (const step of ['preview', 'commit']) {
      const res = await app.post(`/imports/allocations/${step}`, { csv: big })
      expectStatus(res, 413)
      expect(res.body).toMatchObject({ error: { code: 'payload_too_large' } })
      expectStatus(await app.post(`/imports/allocations/${step}`, { csv: HEADER }, app.viewer), 403)
    }
  })
})
