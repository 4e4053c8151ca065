import { planAllocations } from './capacity-allocations.ts'
import { seedClosures } from './capacity-calendar.ts'
import { planLeave } from './capacity-leave.ts'
import type { SeedContext, SeededPerson, SeededProject } from './context.ts'
import { seedResponderHours } from './responders.ts'
import { addDays, mondayOf } from './time.ts'

// What each part seeds: capacity-calendar.ts the closure days, capacity-leave.ts the time off,
// capacity-allocations.ts the bookings, responders.ts the responders' hours on incidents.

/**
 * Allocations over the past and next 12 weeks: run (BAU) and support for everyone, project work on
 * active projects of the person's team, from their start to their leave date and split at a team
 * move. Most people land at 70–95% of their hours; a few ran a crunch above 100% in past weeks,
 * three are over from this week for two or three weeks; a few have slack. Bookings make way for
 * leave (planned or not) except a couple of conflicts; half days are left over the booking.
 * Closure days between Christmas and New Year, a cover-risk day for Networks & Security, and
 * responders' hours on incidents.
 */
export async function seedCapacity(
  ctx: SeedContext,
  people: SeededPerson[],
  projects: SeededProject[],
): Promise<{ allocations: number; timeOff: number; closures: number; responderHours: number }> {
  const rng = ctx.rng.fork('capacity')
  const thisWeek = mondayOf(ctx.today)
  const first = addDays(thisWeek, -12 * 7)
  // The Sunday of the twelfth week ahead.
  const last = addDays(thisWeek, 12 * 7 + 6)
  const byName = (name: string) => {
    const p = people.find((x) => x.name === name)
    if (!p) throw new Error(`no demo person ${name}`)
    return p
  }

  const holidays = await ctx.db
    .selectFrom('bankHolidays')
    .select(['region', 'day'])
    .where('day', '>=', addDays(first, -366))
    .where('day', '<=', addDays(last, 366))
    .execute()
  const closures = await seedClosures(
    ctx,
    new Set(holidays.filter((h) => h.region === 'GB-ENG').map((h) => h.day)),
  )
  const offDays = new Set([...holidays.map((h) => h.day), ...closures])

  const { scripted, timeOff } = planLeave({ rng, people, thisWeek, first, last, offDays, byName })
  const allocations = planAllocations({
    ctx,
    rng,
    people,
    projects,
    thisWeek,
    first,
    last,
    byName,
    scripted,
    timeOff,
  })

  await ctx.db.insertInto('allocations').values(allocations).execute()

  const rows = [...[...scripted.values()].flat(), ...timeOff]
    .map(({ conflict: _, ...t }) => ({ ...t, createdAt: ctx.createdAt }))
    .sort((a, b) => a.personId - b.personId || (a.firstDay < b.firstDay ? -1 : 1))
  await ctx.db.insertInto('timeOff').values(rows).execute()

  const responderHours = await seedResponderHours(ctx, people, rows)
  return {
    allocations: allocations.length,
    timeOff: rows.length,
    closures: closures.length,
    responderHours,
  }
}
