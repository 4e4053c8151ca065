import type { SeedContext, SeededPerson } from './context.ts'
import { isoDow } from './time.ts'

// The days nobody is booked on: the organisation's Christmas closure, a person's rest days.

/** A day of the person's working pattern (bank holidays and closures aside). */
export const worksOn = (p: SeededPerson, day: string) => p.workingDays.includes(isoDow(day))

/**
 * The organisation closes between Christmas and New Year: the working days from 27 to 31
 * December that are not bank holidays, the year before this one to the next.
 */
export async function seedClosures(
  ctx: SeedContext,
  holidays: ReadonlySet<string>,
): Promise<string[]> {
  const year = Number(ctx.today.slice(0, 4))
  const days = [year - 1, year, year + 1].flatMap((y) =>
    [27, 28, 29, 30, 31]
      .map((d) => `${y}-12-${d}`)
      .filter((day) => isoDow(day) <= 5 && !holidays.has(day)),
  )
  await ctx.db
    .insertInto('closureDays')
    .values(days.map((day) => ({ day, name: 'Christmas closure', createdAt: ctx.createdAt })))
    .execute()
  return days
}
