import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'

// The worked example's capacity (worked-example.ts): X and Y in the team, Z who left on
// 1 October, their allocations, two regions' bank holidays and some time off.
export async function seedCapacityExample(db: Kysely<Database>, team: { id: number }, p1: number) {
  const person = (name: string, contractedHoursPerWeek: number, endDate: string | null = null) =>
    db
      .insertInto('people')
      .values({ teamId: team.id, name, role: 'Engineer', contractedHoursPerWeek, endDate })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id)
  const x = await person('X', 37.5)
  const y = await person('Y', 30)
  const gone = await person('Z', 37.5, '2026-10-01')
  await db
    .insertInto('allocations')
    .values([
      {
        personId: x,
        kind: 'project',
        projectId: p1,
        firstDay: '2026-10-05',
        lastDay: '2026-12-06',
        hoursPerWeek: 20,
      },
      {
        personId: x,
        kind: 'run',
        projectId: null,
        firstDay: '2026-11-02',
        lastDay: '2026-11-08',
        hoursPerWeek: 25,
      },
      {
        personId: x,
        kind: 'support',
        projectId: null,
        firstDay: '2026-10-05',
        lastDay: '2026-11-01',
        hoursPerWeek: 10,
      },
      {
        personId: y,
        kind: 'run',
        projectId: null,
        firstDay: '2026-11-02',
        lastDay: '2027-01-03',
        hoursPerWeek: 15,
      },
      {
        personId: gone,
        kind: 'run',
        projectId: null,
        firstDay: '2026-09-07',
        lastDay: '2026-12-06',
        hoursPerWeek: 30,
      },
    ])
    .execute()
  await db
    .insertInto('bankHolidays')
    .values([
      { region: 'GB-ENG', day: '2026-11-06', name: 'Example holiday' },
      { region: 'GB-SCT', day: '2026-11-03', name: 'Another region' },
    ])
    .execute()
  await db
    .insertInto('timeOff')
    .values([
      { personId: x, firstDay: '2026-11-04', lastDay: '2026-11-04' },
      { personId: y, firstDay: '2026-11-06', lastDay: '2026-11-08' }, // a holiday and a weekend
    ])
    .execute()
}
