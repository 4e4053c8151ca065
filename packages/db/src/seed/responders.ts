import type { Insertable } from 'kysely'
import type { IncidentResponderHoursTable, TimeOffTable } from '../schema/capacity.ts'
import type { SeedContext, SeededPerson } from './context.ts'
import { addDays, isWeekend, localDay, localHour } from './time.ts'

// Of the incidents with a commander, how many had responders log hours, and their hours a day.
const LOGGED: Record<string, { share: number; people: [number, number]; hours: [number, number] }> =
  {
    SEV1: { share: 1, people: [2, 3], hours: [2, 6] },
    SEV2: { share: 0.8, people: [1, 3], hours: [1, 4] },
    SEV3: { share: 0.4, people: [1, 2], hours: [0.5, 2.5] },
    SEV4: { share: 0.2, people: [1, 1], hours: [0.5, 1.5] },
  }

/**
 * Hours responders logged on a sample of the incidents (incident toil besides the commander's):
 * one to three others of the commander's team on the incident's local days (up to three), never
 * on a day they were off, not yet employed or in another team.
 */
export async function seedResponderHours(
  ctx: SeedContext,
  people: SeededPerson[],
  timeOff: readonly Pick<
    Insertable<TimeOffTable>,
    'personId' | 'firstDay' | 'lastDay' | 'halfDay'
  >[],
): Promise<number> {
  const rng = ctx.rng.fork('responders')
  const incidents = await ctx.db
    .selectFrom('incidents')
    .select(['id', 'severity', 'startedAt', 'resolvedAt', 'commanderPersonId'])
    .where('commanderPersonId', 'is not', null)
    .where('acknowledgedAt', 'is not', null)
    .orderBy('id')
    .execute()
  const away = (personId: number, day: string) =>
    timeOff.some(
      (t) => t.personId === personId && !t.halfDay && t.firstDay <= day && day <= t.lastDay,
    )
  const teamOn = (p: SeededPerson, day: string) =>
    day >= p.startDate && (p.endDate === null || day <= p.endDate)
      ? p.memberships.find((m) => m.firstDay <= day && (m.lastDay === null || day <= m.lastDay))
          ?.team
      : undefined
  const rows: Insertable<IncidentResponderHoursTable>[] = []
  for (const i of incidents) {
    const rule = LOGGED[i.severity]!
    if (!rng.chance(rule.share)) continue
    const commander = people.find((p) => p.id === i.commanderPersonId)
    if (!commander) continue
    const end = i.resolvedAt ?? ctx.now
    const firstDay = localDay(i.startedAt, ctx.tz)
    const lastDay = localDay(end, ctx.tz)
    const team = people.filter(
      (p) => p.id !== commander.id && p.memberships.some((m) => m.team === commander.team),
    )
    const responders = rng.shuffle(team).slice(0, rng.int(...rule.people))
    const outOfHours = (day: string) =>
      isWeekend(day) ||
      (day === firstDay &&
        (localHour(i.startedAt, ctx.tz) < 8 || localHour(i.startedAt, ctx.tz) >= 18))
    for (let day = firstDay, n = 0; day <= lastDay && n < 3; day = addDays(day, 1), n++) {
      for (const p of responders) {
        // Everyone on the first day; on later days some carry on.
        if (n > 0 && !rng.chance(0.5)) continue
        if (teamOn(p, day) !== commander.team || away(p.id, day)) continue
        const [lo, hi] = rule.hours
        const hours = Math.round((lo + rng.float() * (hi - lo)) * 2) / 2
        rows.push({
          incidentId: i.id,
          personId: p.id,
          day,
          hours: Math.min(6, Math.max(0.5, hours)),
          note: outOfHours(day) ? 'Out-of-hours call-out' : '',
          createdAt: end,
        })
      }
    }
  }
  if (rows.length > 0) await ctx.db.insertInto('incidentResponderHours').values(rows).execute()
  return rows.length
}
