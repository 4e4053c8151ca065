import { TZDate } from '@date-fns/tz'
import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  differenceInCalendarDays,
  endOfMonth,
  endOfQuarter,
  format,
  getISOWeek,
  getISOWeekYear,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
} from 'date-fns'
import { toInstant } from '../lib/range.ts'

// A report's period: whole local days of the organisation, first to last inclusive. Days are
// worked as calendar dates (in UTC, which has no daylight saving); only `from` and `to` meet the
// time zone, so a month across a clock change is its local midnights, 743 or 745 hours long.

export const PERIOD_KINDS = ['week', 'month', 'quarter', 'custom'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

export interface Period {
  kind: PeriodKind
  /** First and last day, inclusive (`YYYY-MM-DD`, the organisation's days). */
  firstDay: string
  lastDay: string
  /** Local midnight starting the first day, and the one ending the last (exclusive). */
  from: Date
  to: Date
  /** "November 2026", "Q4 2026", "Week 49, 2026", "1 Nov 2026 – 15 Nov 2026". */
  label: string
}

const asDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new TZDate(y, m - 1, d, 'UTC')
}
const asDay = (date: Date) => format(date, 'yyyy-MM-dd')

function labelOf(kind: PeriodKind, first: TZDate, last: TZDate): string {
  if (kind === 'month') return format(first, 'MMMM yyyy')
  if (kind === 'quarter') return format(first, "'Q'Q yyyy")
  if (kind === 'week') return `Week ${getISOWeek(first)}, ${getISOWeekYear(first)}`
  return `${format(first, 'd MMM yyyy')} – ${format(last, 'd MMM yyyy')}`
}

function make(kind: PeriodKind, first: TZDate, last: TZDate, timezone: string): Period {
  const firstDay = asDay(first)
  const lastDay = asDay(last)
  return {
    kind,
    firstDay,
    lastDay,
    from: toInstant(firstDay, timezone, 'start'),
    to: toInstant(lastDay, timezone, 'end'),
    label: labelOf(kind, first, last),
  }
}

/** The week (ISO, Monday first), month or quarter holding `day`. */
export function periodOf(
  kind: Exclude<PeriodKind, 'custom'>,
  day: string,
  timezone: string,
): Period {
  const d = asDate(day)
  if (kind === 'week') {
    const first = startOfISOWeek(d)
    return make(kind, first, addDays(first, 6), timezone)
  }
  if (kind === 'month') return make(kind, startOfMonth(d), endOfMonth(d), timezone)
  return make(kind, startOfQuarter(d), endOfQuarter(d), timezone)
}

/** Any days, first to last inclusive (the caller has checked first <= last). */
export function customPeriod(firstDay: string, lastDay: string, timezone: string): Period {
  return make('custom', asDate(firstDay), asDate(lastDay), timezone)
}

/**
 * The period a report compares with: the week, month or quarter before (October for November,
 * whatever their lengths); for custom days, as many days just before them.
 */
export function previousPeriod(p: Period, timezone: string): Period {
  const first = asDate(p.firstDay)
  if (p.kind === 'week') return periodOf('week', asDay(addWeeks(first, -1)), timezone)
  if (p.kind === 'month') return periodOf('month', asDay(addMonths(first, -1)), timezone)
  if (p.kind === 'quarter') return periodOf('quarter', asDay(addQuarters(first, -1)), timezone)
  const days = differenceInCalendarDays(asDate(p.lastDay), first) + 1
  return customPeriod(asDay(addDays(first, -days)), asDay(addDays(first, -1)), timezone)
}

/** `count` periods ending with `p`, oldest first: a figure's trend. */
export function trailingPeriods(p: Period, count: number, timezone: string): Period[] {
  const out = [p]
  while (out.length < count) out.unshift(previousPeriod(out[0] ?? p, timezone))
  return out
}

/** The last whole week, month or quarter before the one holding `now`: a report's default. */
export function lastWholePeriod(
  kind: Exclude<PeriodKind, 'custom'>,
  today: string,
  timezone: string,
): Period {
  return previousPeriod(periodOf(kind, today, timezone), timezone)
}
