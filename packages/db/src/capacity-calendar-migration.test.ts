import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from './migrations/index.ts'
import { createTestDatabase, type TestDatabase } from './testing.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(() => t.drop())

const migrator = () =>
  new Migrator({ db: t.db, provider: { getMigrations: () => Promise.resolve(migrations) } })

describe('the capacity calendar migration', () => {
  it('turns weekly allocations into days, opens everyone’s membership, and back', async () => {
    const down = await migrator().migrateTo('2026-12-03-01-cost-entries-covering')
    expect(down.error).toBeUndefined()
    await sql`
      INSERT INTO teams (id, slug, name) OVERRIDING SYSTEM VALUE VALUES (901, 'old', 'Old team');
      INSERT INTO people (id, team_id, name, role, contracted_hours_per_week, start_date)
        OVERRIDING SYSTEM VALUE VALUES (901, 901, 'Ann', 'Engineer', 37.5, '2025-02-03'),
        (902, 901, 'Bob', 'Engineer', 22.5, NULL);
      INSERT INTO allocations (person_id, kind, first_week, last_week, hours_per_week)
        VALUES (901, 'run', '2026-09-07', '2026-09-14', 30)`.execute(t.db)

    expect((await migrator().migrateToLatest()).error).toBeUndefined()
    const allocation = await t.db
      .selectFrom('allocations')
      .select(['firstDay', 'lastDay', 'hoursPerWeek', 'percent', 'status'])
      .where('personId', '=', 901)
      .executeTakeFirstOrThrow()
    // Two whole weeks: Monday 7 to Sunday 20 September.
    expect(allocation).toEqual({
      firstDay: '2026-09-07',
      lastDay: '2026-09-20',
      hoursPerWeek: 30,
      percent: null,
      status: 'confirmed',
    })
    const memberships = await t.db
      .selectFrom('teamMemberships')
      .select(['personId', 'teamId', 'firstDay', 'lastDay'])
      .where('teamId', '=', 901)
      .orderBy('personId')
      .execute()
    expect(memberships).toEqual([
      { personId: 901, teamId: 901, firstDay: '2025-02-03', lastDay: null },
      { personId: 902, teamId: 901, firstDay: '2000-01-01', lastDay: null },
    ])
    const person = await t.db
      .selectFrom('people')
      .select(['skills', 'workingDays', 'bankHolidayRegion'])
      .where('id', '=', 902)
      .executeTakeFirstOrThrow()
    expect(person).toEqual({ skills: [], workingDays: [1, 2, 3, 4, 5], bankHolidayRegion: null })

    // One row per allocation amount: hours or a percent, never both or neither.
    await expect(
      sql`INSERT INTO allocations (person_id, kind, first_day, last_day, hours_per_week, percent)
        VALUES (901, 'run', '2026-10-01', '2026-10-02', 10, 50)`.execute(t.db),
    ).rejects.toThrow(/allocations_amount_check/)
    // Half a day is one day.
    await expect(
      sql`INSERT INTO time_off (person_id, first_day, last_day, half_day)
        VALUES (901, '2026-10-01', '2026-10-02', true)`.execute(t.db),
    ).rejects.toThrow(/time_off_half_day_check/)

    expect((await migrator().migrateTo('2026-12-03-01-cost-entries-covering')).error).toBe(
      undefined,
    )
    const { rows } = await sql<{ first: string; last: string }>`
      SELECT first_week::text AS first, last_week::text AS last FROM allocations
      WHERE person_id = 901`.execute(t.db)
    expect(rows).toEqual([{ first: '2026-09-07', last: '2026-09-14' }])
    expect((await migrator().migrateToLatest()).error).toBeUndefined()
  })

  it('adds a first membership for a person added later, from their start', async () => {
    await sql`
      INSERT INTO people (id, team_id, name, role, contracted_hours_per_week, start_date)
        OVERRIDING SYSTEM VALUE VALUES (903, 901, 'Cat', 'Analyst', 30, '2026-11-02')`.execute(t.db)
    const rows = await t.db
      .selectFrom('teamMemberships')
      .select(['teamId', 'firstDay', 'lastDay'])
      .where('personId', '=', 903)
      .execute()
    expect(rows).toEqual([{ teamId: 901, firstDay: '2026-11-02', lastDay: null }])
  })

  it('loads the bank holidays of England & Wales, Scotland and Northern Ireland, 2020–2035', async () => {
    const { rows } = await sql<{ region: string; day: string }>`
      SELECT region, day::text AS day FROM bank_holidays
      WHERE day IN ('2026-08-03', '2026-08-31', '2026-11-30', '2026-03-17', '2026-07-13')
      ORDER BY region, day`.execute(t.db)
    expect(rows.map((r) => `${r.region} ${r.day}`)).toEqual([
      // Summer bank holiday: the last Monday of August in England & Wales and Northern Ireland,
      // the first in Scotland; St Patrick's Day and the Boyne (its substitute Monday) in NI;
      // St Andrew's Day in Scotland.
      'GB-ENG 2026-08-31',
      'GB-NIR 2026-03-17',
      'GB-NIR 2026-07-13',
      'GB-NIR 2026-08-31',
      'GB-SCT 2026-08-03',
      'GB-SCT 2026-11-30',
    ])
    const { rows: years } = await sql<{ region: string; first: number; last: number }>`
      SELECT region, min(extract(year FROM day))::int AS first, max(extract(year FROM day))::int AS last
      FROM bank_holidays GROUP BY region ORDER BY region`.execute(t.db)
    expect(years).toEqual([
      { region: 'GB-ENG', first: 2020, last: 2035 },
      { region: 'GB-NIR', first: 2020, last: 2035 },
      { region: 'GB-SCT', first: 2020, last: 2035 },
    ])
  })
})
