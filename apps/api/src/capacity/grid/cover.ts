import { availableForCover, coverGaps, type PersonDay } from '@opsdeck/kpi'
import type { CapacityModel } from '../model/index.ts'
import type { TierOneOwners } from '../queries.ts'
import { shiftDay } from '../model/weeks.ts'
import type { Cover } from './schemas.ts'

export const COVER_DEFINITIONS = { risks: 'coverRisk', available: 'coverRisk' }

/**
 * Weeks in which a tier-1 service's owner team has fewer than MIN_COVER people available on one of
 * the organisation's working days (its first `workingDaysPerWeek` weekdays, not a bank holiday of
 * its region, not a closure day); each with those days and who is available on them. `model` holds
 * the owner teams' people; `owners` their teams in order and services.
 */
export function coverRisks(
  model: CapacityModel,
  weeks: readonly string[],
  owners: TierOneOwners,
  org: { bankHolidayRegion: string; workingDaysPerWeek: number },
): Cover['risks'] {
  const holidays = model.holidays.get(org.bankHolidayRegion)
  const risks: Cover['risks'] = []
  // Every owner team, also one with no one in it: it has no cover on any working day.
  for (const { team, services } of owners.values()) {
    const members = model.people.map((p) => ({ person: p, days: p.byTeam.get(team.id) ?? [] }))
    for (const week of weeks) {
      const workingDays = Array.from({ length: org.workingDaysPerWeek }, (_, i) =>
        shiftDay(week, i),
      ).filter(
        (d) => d >= model.from && d <= model.to && !holidays?.has(d) && !model.closures.has(d),
      )
      const gaps = coverGaps(
        workingDays,
        members.map((m) => m.days),
      )
      if (gaps.length === 0) continue
      risks.push({
        week,
        team,
        services,
        days: gaps.map((g) => ({
          day: g.day,
          available: g.available,
          people: members
            .filter((m) => m.days.some((d: PersonDay) => d.day === g.day && availableForCover(d)))
            .map((m) => ({ id: m.person.id, name: m.person.name })),
        })),
      })
    }
  }
  return risks
}
