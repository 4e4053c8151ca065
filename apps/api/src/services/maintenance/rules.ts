import {
  type ErrorCode,
  MAINTENANCE_START_GRACE_MS,
  MAX_MAINTENANCE_WINDOW_DAYS,
} from '@opsdeck/contract'
import { weeklyOccurrences } from '@opsdeck/db'
import { localDay } from '../../lib/calendar.ts'
import type { NewMaintenance } from './schemas.ts'

export interface MaintenanceProblem {
  code: Extract<ErrorCode, 'maintenance_in_past' | 'invalid_maintenance'>
  path: string
  message: string
}

const DAY_MS = 86_400_000
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const PAST_REASON =
  'samples already recorded keep their accounting, so a window in the past would change no figure'

/**
 * The zone as the runtime's tz data spells it (europe/london → Europe/London), or null when it
 * does not know it as an IANA name: the occurrences are computed with that data.
 */
export function knownZone(name: string): string | null {
  // An IANA name, not an offset like "+01:00" (which Intl also takes).
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return null
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name
  } catch {
    return null
  }
}

/**
 * Why a new window cannot be saved at `now` (a one-off's zone-free instants, or a weekly one in
 * `timezone`), or an empty list when it can. The reasons depend on the clock and the zone data,
 * not on the shape of the request, hence 422 rather than 400.
 */
export function maintenanceProblems(
  input: NewMaintenance,
  now: Date,
  timezone: string,
): MaintenanceProblem[] {
  const problems: MaintenanceProblem[] = []
  const add = (code: MaintenanceProblem['code'], path: string, message: string) =>
    problems.push({ code, path: `json.${path}`, message })
  if (input.kind === 'one-off') {
    const { startsAt, endsAt } = input
    if (startsAt.getTime() < now.getTime() - MAINTENANCE_START_GRACE_MS) {
      add('maintenance_in_past', 'startsAt', `must not be in the past: ${PAST_REASON}`)
    }
    if (endsAt <= startsAt) add('invalid_maintenance', 'endsAt', 'must be after startsAt')
    else if (endsAt.getTime() - startsAt.getTime() > MAX_MAINTENANCE_WINDOW_DAYS * DAY_MS) {
      const message = `must be at most ${MAX_MAINTENANCE_WINDOW_DAYS} days after startsAt`
      add('invalid_maintenance', 'endsAt', message)
    }
    return problems
  }
  if (knownZone(timezone) === null) {
    const message = `${timezone} is not an IANA time zone (e.g. Europe/London)`
    add('invalid_maintenance', 'weekly.timezone', message)
    return problems
  }
  const today = localDay(now, timezone)
  if (input.startsOn < today) {
    const message = `must be today (${today} in ${timezone}) or later: ${PAST_REASON}`
    add('maintenance_in_past', 'weekly.startsOn', message)
  }
  if (input.endsOn !== null && input.endsOn < input.startsOn) {
    add('invalid_maintenance', 'weekly.endsOn', 'must be on or after startsOn')
  } else if (input.endsOn !== null && problems.length === 0) {
    // Up to a day past endsOn's start covers that whole local day, whatever the offset.
    const until = new Date(Date.parse(`${input.endsOn}T00:00:00Z`) + 2 * DAY_MS)
    if (weeklyOccurrences({ ...input, timezone }, now, until).length === 0) {
      const day = WEEKDAYS[input.isoWeekday - 1]
      const message = `has no occurrence: no ${day} at ${input.localStart} from now to ${input.endsOn}`
      add('invalid_maintenance', 'weekly.endsOn', message)
    }
  }
  return problems
}
