import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AllocationsCommitted, PeopleCommitted } from './schemas.ts'
import { createProject, createTeam, expectStatus, importApp, textOf } from './testing.ts'

let app: Awaited<ReturnType<typeof importApp>>
beforeAll(async () => {
  app = await importApp()
})
afterAll(() => app.drop())

describe('the capacity exports', () => {
  it('write people and allocations in the imports’ columns, neutralised, and import back as duplicates', async () => {
    const team = await createTeam(app.db, 'ops', 'Operations')
    const [ann, bob] = await app.db
      .insertInto('people')
      .values([
        {
          teamId: team,
          name: 'Ann Lee',
          email: 'Ann@Example.test',
          role: '=HYPERLINK("x")',
          contractedHoursPerWeek: 22.5,
          workingDays: [1, 2, 4],
          skills: ['Linux', '+AWS'],
          bankHolidayRegion: 'GB-SCT',
          startDate: '2024-01-15',
          costRatePencePerHour: 4550,
        },
        {
          teamId: team,
          name: 'Bob, Roy',
          email: 'bob@example.test',
          role: 'Engineer',
          contractedHoursPerWeek: 37.5,
          endDate: '2026-12-31',
        },
      ])
      .returning('id')
      .execute()
    await createProject(app.db, 'EXP-1')
    const project = await app.db
      .selectFrom('projects')
      .select('id')
      .where('code', '=', 'EXP-1')
      .executeTakeFirstOrThrow()
    await app.db
      .insertInto('allocations')
      .values([
        {
          personId: ann!.id,
          kind: 'project',
          projectId: project.id,
          firstDay: '2026-11-02',
          lastDay: '2026-12-18',
          hoursPerWeek: 12.5,
          note: '-2+3 days',
        },
        {
          personId: bob!.id,
          kind: 'support',
          firstDay: '2026-11-02',
          lastDay: '2026-11-06',
          percent: 50,
          status: 'tentative',
          note: 'two\nlines',
        },
      ])
      .execute()

    const people = await app.get('/exports/people.csv')
    expect(people.status).toBe(200)
    expect(people.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(people.headers.get('content-disposition')).toBe('attachment; filename="people.csv"')
    const peopleCsv = await textOf(people)
    expect(peopleCsv).toBe(
      '\uFEFF' +
        [
          'name,email,team,role,contracted_hours,working_days,skills,region,start_date,end_date,cost_rate',
          'Ann Lee,ann@example.test,ops,"\'=HYPERLINK(""x"")",22.5,"Mon,Tue,Thu",Linux;+AWS,GB-SCT,2024-01-15,,45.50',
          '"Bob, Roy",bob@example.test,ops,Engineer,37.5,Mon-Fri,,,,2026-12-31,0.00',
          '',
        ].join('\r\n'),
    )
    const allocations = await app.get('/exports/allocations.csv')
    expect(allocations.headers.get('content-disposition')).toBe(
      'attachment; filename="allocations.csv"',
    )
    const allocationsCsv = await textOf(allocations)
    expect(allocationsCsv).toBe(
      '\uFEFF' +
        [
          'person,kind,project,first_day,last_day,hours_per_week,percent,status,note',
          "ann@example.test,project,EXP-1,2026-11-02,2026-12-18,12.5,,confirmed,'-2+3 days",
          'bob@example.test,support,,2026-11-02,2026-11-06,,50,tentative,"two\nlines"',
          '',
        ].join('\r\n'),
    )
    // What a spreadsheet sees: no cell starts a formula.
    for (const csv of [peopleCsv, allocationsCsv]) {
      const cells = parse(csv, { bom: true }).flat()
      expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([])
    }

    // Both import back as duplicates: nothing written.
    const again = await app.post<PeopleCommitted>('/imports/people/commit', { csv: peopleCsv })
    expectStatus(again, 200)
    expect(again.body).toEqual({ written: 0, duplicate: 2, teams: [] })
    const booked = await app.post<AllocationsCommitted>('/imports/allocations/commit', {
      csv: allocationsCsv,
    })
    expectStatus(booked, 200)
    expect(booked.body).toEqual({ written: 0, duplicate: 2, people: [] })

    // Into an empty organisation the same rows are written as they were.
    const other = await importApp()
    try {
      await createTeam(other.db, 'ops', 'Operations')
      await createProject(other.db, 'EXP-1')
      expectStatus(await other.post('/imports/people/commit', { csv: peopleCsv }), 200)
      expectStatus(await other.post('/imports/allocations/commit', { csv: allocationsCsv }), 200)
      expect(await textOf(await other.get('/exports/people.csv'))).toBe(peopleCsv)
      expect(await textOf(await other.get('/exports/allocations.csv'))).toBe(allocationsCsv)
    } finally {
      await other.drop()
    }
  })

  it('answer 401 to nobody', async () => {
    expect((await app.get('/exports/people.csv', {})).status).toBe(401)
    expect((await app.get('/exports/allocations.csv', {})).status).toBe(401)
  })
})
