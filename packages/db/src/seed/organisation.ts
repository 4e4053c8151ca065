import type { SeedContext, SeededPerson, SeededService } from './context.ts'
import { emailOf, ORGANISATION_NAME, PEOPLE, TEAMS } from './people-data.ts'
import { checkUrlOf, dashboardUrlOf, runbookUrlOf, SERVICES, tagsOf } from './services-data.ts'
import { addDays } from './time.ts'

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

  const rows = TEAMS.flatMap(({ slug }) =>
    PEOPLE[slug].map(([name, role, hours, pounds], i) => ({
      team: slug,
      name,
      role,
      hours,
      lead: i === 0,
      // Apprentices joined recently; everyone else some time in the last 15 years.
      startDate: addDays(
        ctx.today,
        -(role.includes('Apprentice') ? rng.int(40, 200) : rng.int(400, 5500)),
      ),
      pence: pounds * 100,
    })),
  )
  const ids = await db
    .insertInto('people')
    .values(
      rows.map((p) => ({
        teamId: teamId.get(p.team)!,
        name: p.name,
        email: emailOf(p.name),
        role: p.role,
        contractedHoursPerWeek: p.hours,
        costRatePencePerHour: p.pence,
        startDate: p.startDate,
        createdAt,
        updatedAt: createdAt,
      })),
    )
    .returning('id')
    .execute()
  return rows.map((p, i) => ({ id: ids[i]!.id, ...p }))
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
