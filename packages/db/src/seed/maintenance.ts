import type { SeedContext, SeededService } from './context.ts'
import { WEEKLY_PATCHED } from './maintenance-weekly.ts'
import { addDays, addMonths, DAY, isoDow, localDay, localTime, monthStart } from './time.ts'

interface Template {
  reason: string
  dow: number
  hour: number
  hours: number
  services: (s: SeededService) => boolean
  count: [number, number]
}

// Cloud services the supplier patches, not us.
const saas = new Set([
  'email',
  'microsoft-teams',
  'identity-sso',
  'service-desk',
  'learning-platform',
])
const network = new Set(['core-network', 'corporate-wifi', 'guest-wifi', 'vpn'])

// Planned work happens out of hours: patch Sundays, Saturday-night network changes, supplier
// releases on weekday evenings.
const TEMPLATES: Template[] = [
  {
    reason: 'Monthly Windows Server patching',
    dow: 7,
    hour: 2,
    hours: 2,
    count: [3, 6],
    services: (s) =>
      !saas.has(s.slug) && s.team !== 'networks-security' && !WEEKLY_PATCHED.has(s.slug),
  },
  {
    reason: 'Network switch firmware upgrade',
    dow: 6,
    hour: 22,
    hours: 3,
    count: [1, 3],
    services: (s) => network.has(s.slug),
  },
  {
    reason: 'SQL Server cumulative update',
    dow: 7,
    hour: 6,
    hours: 2,
    count: [2, 4],
    services: (s) => s.team === 'applications' || s.team === 'data-integration',
  },
  {
    reason: 'Supplier release upgrade',
    dow: 2,
    hour: 19,
    hours: 2,
    count: [1, 1],
    services: (s) => s.team === 'applications' && s.tier > 1,
  },
  {
    reason: 'Firewall software upgrade',
    dow: 7,
    hour: 1,
    hours: 2,
    count: [1, 2],
    services: (s) => s.slug === 'internet-gateway' || s.slug === 'vpn',
  },
  {
    reason: 'Storage array controller firmware',
    dow: 7,
    hour: 3,
    hours: 3,
    count: [2, 3],
    services: (s) => s.slug === 'backup' || s.slug === 'file-shares' || s.slug === 'edrms',
  },
]

/** A few windows a month from the start of the history to six weeks ahead. */
export async function seedMaintenance(
  ctx: SeedContext,
  services: SeededService[],
): Promise<number> {
  const rng = ctx.rng.fork('maintenance')
  const rows: {
    serviceId: number
    startsAt: Date
    endsAt: Date
    reason: string
    createdAt: Date
  }[] = []
  const last = addDays(ctx.today, 42)
  for (
    let month = monthStart(localDay(ctx.historyStart, ctx.tz));
    month <= last;
    month = addMonths(month, 1)
  ) {
    const [patching, ...others] = TEMPLATES
    const chosen = [patching!, ...rng.shuffle(others).slice(0, rng.int(1, 3))]
    for (const t of chosen) {
      const pool = services.filter(t.services)
      if (pool.length === 0) continue
      // The n-th matching weekday of the month (first to fourth).
      const first = addDays(month, (t.dow - isoDow(month) + 7) % 7)
      const day = addDays(first, 7 * rng.int(0, 3))
      const startsAt = localTime(day, t.hour, 0, ctx.tz)
      const endsAt = localTime(day, t.hour + t.hours, 0, ctx.tz)
      if (startsAt < ctx.historyStart || day > last) continue
      // Booked a fortnight ahead (the change board), or as late as the seed's clock.
      const createdAt = new Date(Math.min(startsAt.getTime() - 14 * DAY, ctx.now.getTime()))
      for (const s of rng.shuffle(pool).slice(0, rng.int(...t.count))) {
        rows.push({ serviceId: s.id, startsAt, endsAt, reason: t.reason, createdAt })
      }
    }
  }
  rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.serviceId - b.serviceId)
  if (rows.length > 0) await ctx.db.insertInto('maintenanceWindows').values(rows).execute()
  return rows.length
}
