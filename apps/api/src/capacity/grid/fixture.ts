import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'

// Rows for the capacity tests, written straight to the tables (the writes have tests of their own).

export function capacityRows(db: () => Kysely<Database>) {
  return {
    async team(slug: string) {
      const row = await db()
        .insertInto('teams')
        .values({ slug, name: `Team ${slug}` })
        .returning(['id', 'slug', 'name'])
        .executeTakeFirstOrThrow()
      return row
    },
    async person(
      teamId: number,
      name: string,
      opts: {
        hours?: number
        workingDays?: number[]
        startDate?: string
        region?: string
        role?: string
      } = {},
    ) {
      const row = await db()
        .insertInto('people')
        .values({
          teamId,
          name,
          role: opts.role ?? 'Engineer',
          contractedHoursPerWeek: opts.hours ?? 37.5,
          workingDays: opts.workingDays ?? [1, 2, 3, 4, 5],
          startDate: opts.startDate ?? null,
          bankHolidayRegion: opts.region ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },
    async project(code: string) {
      const row = await db()
        .insertInto('projects')
        .values({ code, name: `Project ${code}`, startDate: '2026-01-01', endDate: '2027-12-31' })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },
    async allocate(
      personId: number,
      a: {
        firstDay: string
        lastDay: string
        hoursPerWeek?: number
        percent?: number
        kind?: 'project' | 'run' | 'support'
        projectId?: number
        status?: 'confirmed' | 'tentative'
      },
    ) {
      const row = await db()
        .insertInto('allocations')
        .values({
          personId,
          kind: a.kind ?? (a.projectId === undefined ? 'run' : 'project'),
          projectId: a.projectId ?? null,
          firstDay: a.firstDay,
          lastDay: a.lastDay,
          hoursPerWeek: a.hoursPerWeek ?? null,
          percent: a.percent ?? null,
          status: a.status ?? 'confirmed',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },
    async leave(personId: number, firstDay: string, lastDay = firstDay, halfDay = false) {
      await db().insertInto('timeOff').values({ personId, firstDay, lastDay, halfDay }).execute()
    },
  }
}
