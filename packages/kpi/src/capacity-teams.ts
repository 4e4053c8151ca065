import type { PersonDay } from './capacity-days.ts'

// Teams are made of people's days (capacity-days.ts): which team each day counts for, and whether
// a tier-1 owner team keeps enough people available on each working day.

export interface Membership {
  teamId: number
  firstDay: string
  /** The last day in the team; null while still in it. */
  lastDay: string | null
}

/**
 * A person's days by the team they were in on each day: a move mid-week leaves the days before it
 * with the old team (past weeks stay where they were). Days in no team are left out.
 */
export function daysByTeam(
  days: readonly PersonDay[],
  memberships: readonly Membership[],
): Map<number, PersonDay[]> {
  const out = new Map<number, PersonDay[]>()
  for (const d of days) {
    const m = memberships.find(
      (m) => m.firstDay <= d.day && (m.lastDay === null || d.day <= m.lastDay),
    )
    if (!m) continue
    const list = out.get(m.teamId) ?? []
    list.push(d)
    out.set(m.teamId, list)
  }
  return out
}

/** Available for cover on a day: a working day for them, not wholly off. */
export const availableForCover = (d: PersonDay) => d.capacity > 0 && d.off < 1

/** The least cover a tier-1 service's owner team keeps on each working day. */
export const MIN_COVER = 2

/**
 * The days a team has fewer than MIN_COVER people available, among `days` (the organisation's
 * working days of the week), from each member's days (those in the team on that day).
 */
export function coverGaps(
  days: readonly string[],
  members: readonly (readonly PersonDay[])[],
): { day: string; available: number }[] {
  const available = new Map(days.map((d) => [d, 0]))
  for (const person of members) {
    for (const d of person) {
      if (available.has(d.day) && availableForCover(d)) {
        available.set(d.day, (available.get(d.day) ?? 0) + 1)
      }
    }
  }
  return days
    .map((day) => ({ day, available: available.get(day) ?? 0 }))
    .filter((d) => d.available < MIN_COVER)
}
