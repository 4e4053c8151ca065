import { TZDate } from '@date-fns/tz'
import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { addWorkingDays, localDay } from '../../lib/calendar.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { lastWholePeriod, type Period, periodOf } from '../period.ts'

export type ScheduleKind = 'week' | 'month' | 'quarter'

/** The organisation's calendar as a schedule reads it. */
export interface ScheduleCalendar {
  timezone: string
  /** Bank holidays of the organisation's region (`YYYY-MM-DD`). */
  holidays: ReadonlySet<string>
}

const DAY_MS = 86_400_000
const dayBefore = (day: string) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() - DAY_MS).toISOString().slice(0, 10)

/** The first working day (Monday to Friday, not a bank holiday) on or after `day`. */
export function firstWorkingDayFrom(day: string, holidays: ReadonlySet<string>): string {
  return addWorkingDays(dayBefore(day), 1, holidays)
}

/** `HH:MM` (or `HH:MM:SS`, as PostgreSQL gives a `time`) on a local day, as an instant. */
export function atLocalTime(day: string, runAtLocal: string, timezone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const [hh, mm] = runAtLocal.split(':').map(Number) as [number, number]
  return new Date(new TZDate(y, m - 1, d, hh, mm, timezone).getTime())
}

/**
 * The first run strictly after `after`: the first working day of a week, month or quarter, at
 * `runAtLocal` in the organisation's time zone (so 08:00 London is 08:00 UTC in January, 07:00
 * in July). The period holding `after` is tried first, in case its first working day is to come.
 */
export function nextRunAfter(
  kind: ScheduleKind,
  runAtLocal: string,
  after: Date,
  calendar: ScheduleCalendar,
): Date {
  const { timezone, holidays } = calendar
  let period = periodOf(kind, localDay(after, timezone), timezone)
  for (;;) {
    const day = firstWorkingDayFrom(period.firstDay, holidays)
    const at = atLocalTime(day, runAtLocal, timezone)
    if (at.getTime() > after.getTime()) return at
    const next = new Date(`${period.lastDay}T00:00:00Z`).getTime() + DAY_MS
    period = periodOf(kind, new Date(next).toISOString().slice(0, 10), timezone)
  }
}

/** What a run reports on: the last whole period before the run's (local) day. */
export function periodOfRun(kind: ScheduleKind, runFor: Date, timezone: string): Period {
  return lastWholePeriod(kind, localDay(runFor, timezone), timezone)
}

/** The organisation's time zone and its region's bank holidays from a little before `from` on. */
export async function loadScheduleCalendar(
  db: Kysely<Database>,
  from: Date,
): Promise<ScheduleCalendar> {
  const org = await getOrganisation(db)
  const since = localDay(new Date(from.getTime() - 7 * DAY_MS), org.timezone)
  const rows = await db
    .selectFrom('bankHolidays')
    .select('day')
    .where('region', '=', org.bankHolidayRegion)
    .where('day', '>=', since)
    .execute()
  return { timezone: org.timezone, holidays: new Set(rows.map((r) => r.day)) }
}
