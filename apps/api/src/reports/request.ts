import { MAX_YEAR, MIN_YEAR } from '@opsdeck/contract'
import { z } from 'zod'
import { localDay } from '../lib/calendar.ts'
import {
  customPeriod,
  lastWholePeriod,
  type Period,
  PERIOD_KINDS,
  type PeriodKind,
  periodOf,
} from './period.ts'

/** Custom periods are at most a year and a day (a leap year, or a year across a clock change). */
export const MAX_CUSTOM_DAYS = 366

const Day = z.iso
  .date({ error: 'must be a day (2026-11-30)' })
  .refine((d) => Number(d.slice(0, 4)) >= MIN_YEAR, `must be in ${MIN_YEAR} or later`)
  .refine((d) => Number(d.slice(0, 4)) <= MAX_YEAR, `must be in ${MAX_YEAR} or earlier`)

/**
 * Which period a report covers: `period=month` (default) with `day` inside it (default: the last
 * whole one), or `period=custom&from=&to=` (inclusive days). Used as a query and as a JSON body.
 */
export const PERIOD_FIELDS = {
  period: z.enum(PERIOD_KINDS).default('month'),
  day: Day.optional(),
  from: Day.optional(),
  to: Day.optional(),
}

type PeriodFields = { period: PeriodKind; day?: string; from?: string; to?: string }

/** The checks across the period's fields, for any schema holding PERIOD_FIELDS. */
export function checkPeriodFields(q: PeriodFields, ctx: z.RefinementCtx) {
  if (q.period === 'custom') {
    if (!q.from)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required for a custom period' })
    if (!q.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required for a custom period' })
    // Only days that are days: a bad one has its own error already.
    const [from, to] = [q.from, q.to].map((d) => (d && isDay(d) ? d : null))
    const both = from !== null && from !== undefined && to !== null && to !== undefined
    if (both && from > to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be on or after `from`' })
    if (both && daysBetween(from, to) + 1 > MAX_CUSTOM_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `a custom period may span at most ${MAX_CUSTOM_DAYS} days`,
      })
    }
  } else {
    for (const k of ['from', 'to'] as const) {
      if (q[k])
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: `is for custom periods; give \`day\` for a ${q.period}`,
        })
    }
  }
}

export const PeriodQuery = z.strictObject(PERIOD_FIELDS).superRefine(checkPeriodFields)
export type PeriodQuery = z.output<typeof PeriodQuery>

const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && Number.isFinite(Date.parse(s))
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000

export type PeriodResult = { ok: true; period: Period } | { ok: false; message: string }

/** The period asked for, in the organisation's zone; refused when it has not begun by `now`. */
export function resolvePeriod(q: PeriodQuery, timezone: string, now: Date): PeriodResult {
  const today = localDay(now, timezone)
  const period =
    q.period === 'custom'
      ? customPeriod(q.from ?? today, q.to ?? today, timezone)
      : q.day
        ? periodOf(q.period, q.day, timezone)
        : lastWholePeriod(q.period, today, timezone)
  if (period.firstDay > today) {
    return { ok: false, message: `${period.label} has not begun: it starts on ${period.firstDay}` }
  }
  return { ok: true, period }
}
