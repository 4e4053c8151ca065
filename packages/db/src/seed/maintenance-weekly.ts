import { expandMaintenanceSchedules, MAINTENANCE_HORIZON_DAYS } from '../maintenance-schedules.ts'
import { weeklyOccurrences } from '../weekly-occurrences.ts'
import type { SeedContext, SeededService } from './context.ts'
import { addDays, DAY, localDay, localTime } from './time.ts'

interface WeeklyTemplate {
  slugs: string[]
  isoWeekday: number
  localStart: string
  durationMinutes: number
  reason: string
  /** The schedule began this many days before the seed's today (default: the whole history). */
  sinceDays?: number
}

// Standing weekly windows, in the organisation's zone: 02:00 stays 02:00 local across BST.
export const WEEKLY_MAINTENANCE: readonly WeeklyTemplate[] = [
  {
    slugs: ['housing-management', 'libraries', 'print-scan'],
    isoWeekday: 7,
    localStart: '02:00',
    durationMinutes: 120,
    reason: 'Weekly Windows Server patching',
  },
  {
    slugs: ['revenues-benefits'],
    isoWeekday: 3,
    localStart: '19:00',
    durationMinutes: 120,
    reason: 'Supplier weekly release window',
  },
  {
    slugs: ['backup'],
    isoWeekday: 6,
    localStart: '23:00',
    durationMinutes: 180,
    reason: 'Backup appliance maintenance',
  },
  {
    slugs: ['gis-mapping'],
    isoWeekday: 4,
    localStart: '21:00',
    durationMinutes: 60,
    reason: 'Weekly gazetteer (LLPG) load',
    sinceDays: 70,
  },
]

/** The services patched weekly, which the monthly one-off patching leaves out. */
export const WEEKLY_PATCHED = new Set(WEEKLY_MAINTENANCE[0]!.slugs)

/**
 * The weekly schedules, with their occurrences written as maintenance windows: those since the
 * history began here (before any sample is generated, so samples and rollups honour them like the
 * one-off windows), the coming eight weeks by expandMaintenanceSchedules, as the worker keeps them.
 */
export async function seedWeeklyMaintenance(
  ctx: SeedContext,
  services: SeededService[],
): Promise<number> {
  const bySlug = new Map(services.map((s) => [s.slug, s]))
  const firstDay = localDay(ctx.historyStart, ctx.tz)
  const rows = WEEKLY_MAINTENANCE.flatMap((t) =>
    t.slugs.flatMap((slug) => {
      const service = bySlug.get(slug)
      if (!service) return []
      const startsOn = t.sinceDays === undefined ? firstDay : addDays(ctx.today, -t.sinceDays)
      // Agreed with the service's owners the week before it began.
      const createdAt = new Date(
        Math.max(ctx.createdAt.getTime(), localTime(startsOn, 10, 0, ctx.tz).getTime() - 7 * DAY),
      )
      const { isoWeekday, localStart, durationMinutes, reason } = t
      return [
        {
          serviceId: service.id,
          isoWeekday,
          localStart,
          durationMinutes,
          timezone: ctx.tz,
          reason,
          startsOn,
          endsOn: null,
          createdAt,
        },
      ]
    }),
  )
  if (rows.length === 0) return 0
  const schedules = await ctx.db
    .insertInto('maintenanceSchedules')
    .values(rows)
    .returning('id')
    .execute()

  const past = rows.flatMap((r, i) =>
    weeklyOccurrences(r, ctx.historyStart, ctx.now).map((o) => ({
      serviceId: r.serviceId,
      scheduleId: schedules[i]!.id,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      reason: r.reason,
      createdAt: r.createdAt,
    })),
  )
  if (past.length > 0) await ctx.db.insertInto('maintenanceWindows').values(past).execute()
  const ahead = await expandMaintenanceSchedules(ctx.db, {
    now: ctx.now,
    horizonDays: MAINTENANCE_HORIZON_DAYS,
  })
  return past.length + ahead.inserted
}
