import type { SeedContext, SeededPerson, SeededProject } from './context.ts'
import { planActuals, split } from './project-actuals.ts'
import { categoryOf, PROJECTS, type ProjectSpec } from './projects-data.ts'
import type { Rng } from './rng.ts'
import { addDays, addMonths, daysBetween, monthEnd, monthStart } from './time.ts'

export async function seedProjects(
  ctx: SeedContext,
  people: SeededPerson[],
): Promise<SeededProject[]> {
  const rng = ctx.rng.fork('projects')
  const out: SeededProject[] = []
  for (const spec of PROJECTS) out.push(await seedProject(ctx, rng, spec, people))
  return out
}

async function seedProject(
  ctx: SeedContext,
  rng: Rng,
  spec: ProjectSpec,
  people: SeededPerson[],
): Promise<SeededProject> {
  const { db, today } = ctx
  const firstMonth = addMonths(monthStart(today), spec.startIn)
  const startDate = addDays(firstMonth, rng.int(0, 6))
  const endDate = monthEnd(addMonths(firstMonth, spec.months - 1))
  const status = endDate < today ? 'closed' : 'active'
  const bac = spec.bacPounds * 100
  const { id } = await db
    .insertInto('projects')
    .values({
      code: spec.code,
      name: spec.name,
      description: spec.description,
      sponsor: spec.sponsor,
      ownerPersonId: people.find((p) => p.name === spec.owner)?.id ?? null,
      startDate,
      endDate,
      status,
      createdAt: new Date(`${addDays(startDate, -30)}T09:00:00Z`),
      updatedAt: new Date(`${addDays(startDate, -30)}T09:00:00Z`),
    })
    .returning('id')
    .executeTakeFirstOrThrow()

  const amounts = split(
    bac,
    spec.lines.map(([, , share]) => share),
  )
  const lines = await db
    .insertInto('projectBudgetLines')
    .values(
      spec.lines.map(([name, spendType], i) => ({
        projectId: id,
        name,
        category: categoryOf(name),
        spendType,
        amountPence: amounts[i]!,
      })),
    )
    .returning('id')
    .execute()

  // Baseline: an S-curve (slow start, busy middle, tail) or flat spend per month.
  const months = Array.from({ length: spec.months }, (_, i) => addMonths(firstMonth, i))
  const shape = months.map((_, i) =>
    spec.curve === 's' ? 0.25 + Math.sin((Math.PI * (i + 0.5)) / spec.months) : 1,
  )
  const plan = split(bac, shape)
  await seedBaselines(ctx, id, spec, startDate, months, plan)
  // Planned value on a day: whole months before it, pro rata within its month.
  const pvAt = (day: string) =>
    months.reduce((pv, m, i) => {
      if (m > day) return pv
      const monthDays = daysBetween(m, addMonths(m, 1))
      return (
        pv + (monthEnd(m) <= day ? plan[i]! : (plan[i]! * (daysBetween(m, day) + 1)) / monthDays)
      )
    }, 0)

  const { progress, costs } = planActuals(ctx, rng, spec, { id, status, months, lines, pvAt })
  if (progress.length > 0) await db.insertInto('projectProgress').values(progress).execute()
  if (costs.length > 0) await db.insertInto('costEntries').values(costs).execute()
  return { id, code: spec.code, status, startDate, endDate, teams: spec.teams }
}

// The current plan, and before it the original one when the project was re-baselined.
async function seedBaselines(
  ctx: SeedContext,
  projectId: number,
  spec: ProjectSpec,
  startDate: string,
  months: string[],
  plan: number[],
) {
  const plans = spec.rebaselined
    ? [
        {
          reason: 'Original baseline',
          at: startDate,
          amounts: split(
            spec.bacPounds * 100,
            months.map(() => 1),
          ),
        },
        {
          reason: spec.rebaselined.reason,
          at: addMonths(monthStart(ctx.today), -spec.rebaselined.monthsAgo),
          amounts: plan,
        },
      ]
    : [{ reason: 'Original baseline', at: startDate, amounts: plan }]
  for (const [i, { reason, at, amounts }] of plans.entries()) {
    const version = i + 1
    await ctx.db
      .insertInto('projectBaselines')
      .values({ projectId, version, reason, createdAt: `${at}T09:00:00Z` })
      .execute()
    await ctx.db
      .insertInto('projectBaseline')
      .values(months.map((month, m) => ({ projectId, version, month, plannedPence: amounts[m]! })))
      .execute()
  }
}
