import type { SeedContext, SeededPerson, SeededService } from './context.ts'
import {
  emailOf,
  JOINER,
  LEAVER,
  MOVER,
  ORGANISATION_NAME,
  PEOPLE,
  REGIONS,
  SKILLS,
  TEAMS,
  WORKING_DAYS,
} from './people-data.ts'
import { checkUrlOf, dashboardUrlOf, runbookUrlOf, SERVICES, tagsOf } from './services-data.ts'
import { addDays, localTime, mondayOf } from './time.ts'

export async function seedOrganisation(ctx: SeedContext): Promise<SeededPerson[]> {
  const { db, rng, createdAt } = ctx
  await db
    .updateTable('organisationSettings')
    .set({
      name: ORGANISATION_NAME,
      timezone: ctx.tz,
      // The seed builds the daily rollups as days of the same zone.
      dailyRollupTimezone: ctx.tz,
      currency: 'GBP',
      bankHolidayRegion: 'GB-ENG',
      // The worker simulates this organisation's checks rather than probing its fake URLs.
      demoData: true,
    })
    .set({ updatedAt: ctx.now })
    .execute()

  const teams = await db
    .insertInto('teams')
    .values(TEAMS.map((t) => ({ ...t, createdAt })))
    .returning(['id', 'slug'])
    .execute()
  const teamId = new Map(teams.map((t) => [t.slug, t.id]))

  const thisWeek = mondayOf(ctx.today)
  const joined = addDays(thisWeek, -12) // a Wednesday
  const leaves = addDays(thisWeek, 3 * 7 + 4) // a Friday
  const moved = addDays(thisWeek, -6 * 7) // a Monday
  const rows = TEAMS.flatMap(({ slug }) =>
    PEOPLE[slug].map(([name, role, hours, pounds], i) => {
      // Apprentices joined recently; everyone else some time in the last 15 years.
      const started = addDays(
        ctx.today,
        -(role.includes('Apprentice') ? rng.int(40, 200) : rng.int(400, 5500)),
      )
      const startDate = name === JOINER ? joined : started
      return {
        team: slug,
        name,
        role: name === MOVER.name ? MOVER.role : role,
        hours,
        lead: i === 0,
        startDate,
        endDate: name === LEAVER ? leaves : null,
        workingDays: WORKING_DAYS[name] ?? [1, 2, 3, 4, 5],
        region: REGIONS[name] ?? null,
        pence: pounds * 100,
        // Entered a fortnight before a recent start; the leaver's date a month before it.
        createdAt: name === JOINER ? localTime(addDays(joined, -14), 10, 0, ctx.tz) : createdAt,
        updatedAt:
          name === JOINER
            ? localTime(addDays(joined, -14), 10, 0, ctx.tz)
            : name === LEAVER
              ? localTime(addDays(leaves, -30), 11, 15, ctx.tz)
              : name === MOVER.name
                ? localTime(moved, 9, 0, ctx.tz)
                : createdAt,
      }
    }),
  )
  const ids = await db
    .insertInto('people')
    .values(
      rows.map((p) => ({
        // The first team: the move below is written as the app writes one.
        teamId: teamId.get(p.team)!,
        name: p.name,
        email: emailOf(p.name),
        role: p.role,
        contractedHoursPerWeek: p.hours,
        costRatePencePerHour: p.pence,
        startDate: p.startDate,
        endDate: p.endDate,
        skills: [...(SKILLS[p.role] ?? [])],
        workingDays: [...p.workingDays],
        bankHolidayRegion: p.region,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
      })),
    )
    .returning('id')
    .execute()
  const people: SeededPerson[] = rows.map(
    ({ pence: _, createdAt: __, updatedAt: ___, ...p }, i) => ({
      ...p,
      id: ids[i]!.id,
      memberships: [{ team: p.team, firstDay: p.startDate, lastDay: null }],
    }),
  )

  // A team move: the open membership closes the day before, the next opens, people.team_id follows.
  const mover = people.find((p) => p.name === MOVER.name)!
  await db
    .updateTable('teamMemberships')
    .set({ lastDay: addDays(moved, -1) })
    .where('personId', '=', mover.id)
    .where('lastDay', 'is', null)
    .execute()
  await db
    .insertInto('teamMemberships')
    .values({ personId: mover.id, teamId: teamId.get(MOVER.to)!, firstDay: moved })
    .execute()
  await db
    .updateTable('people')
    .set({ teamId: teamId.get(MOVER.to)! })
    .where('id', '=', mover.id)
    .execute()
  mover.memberships = [
    { team: mover.team, firstDay: mover.startDate, lastDay: addDays(moved, -1) },
    { team: MOVER.to, firstDay: moved, lastDay: null },
  ]
  return people
}

export async function seedServices(ctx: SeedContext, limit: number): Promise<SeededService[]> {
  const teams = await ctx.db.selectFrom('teams').select(['id', 'slug']).execute()
  const teamId = new Map(teams.map((t) => [t.slug, t.id]))
  const specs = SERVICES.slice(0, limit)
  const ids = await ctx.db
    .insertInto('services')
    .values(
      specs.map((s) => ({
        slug: s.slug,
        name: s.name,
        description: s.description,
        tier: s.tier,
        ownerTeamId: teamId.get(s.team)!,
        sloTarget: s.slo,
        sloWindowDays: 30,
        tags: tagsOf(s.slug),
        runbookUrl: runbookUrlOf(s),
        dashboardUrl: dashboardUrlOf(s),
        // The demo simulator pushes their samples; their URLs are made up, so never probe them.
        checkMode: 'push' as const,
        checkUrl: checkUrlOf(s.slug),
        checkTimeoutMs: 10_000,
        degradedLatencyMs: s.degradedMs,
        createdAt: ctx.createdAt,
        updatedAt: ctx.createdAt,
      })),
    )
    .returning('id')
    .execute()
  return specs.map((s, i) => ({ ...s, id: ids[i]!.id, checkUrl: checkUrlOf(s.slug) }))
}
