import {
  ALLOCATION_KINDS,
  ALLOCATION_STATUSES,
  MAX_CAPACITY_WEEKS,
  MAX_YEAR,
  MIN_YEAR,
} from '@opsdeck/contract'
import { z } from 'zod'
import { Count } from '../../lib/schema-parts.ts'
import { digits, Id } from '../../lib/params.ts'
import { text } from '../../lib/text.ts'

// The capacity reads: their queries and answers. Hours are to 0.01 h; ratios are unrounded and
// null (n/a) where there is no effective capacity. Weeks are ISO weeks keyed by their Monday.

/** A calendar day (`2026-11-30`) that exists, from MIN_YEAR to MAX_YEAR. */
export const Day = z.iso
  .date({ error: 'must be a day that exists, as YYYY-MM-DD', abort: true })
  .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR, `must be in ${MIN_YEAR} or later`)
  .refine((s) => Number(s.slice(0, 4)) <= MAX_YEAR, `must be in ${MAX_YEAR} or earlier`)

const Bool = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((v) => v === 'true')

/** A team's slug as given (no NUL: PostgreSQL cannot compare one). */
const TeamSlug = text().trim().min(1).max(100)

const Range = {
  /** Any day of the first ISO week (read as its Monday). */
  from: Day.optional(),
  /** Any day of the last ISO week (read as its Sunday). */
  to: Day.optional(),
}

export const GridQuery = z.object({
  ...Range,
  /** A team's slug: that team only. */
  team: TeamSlug.optional(),
  /** People of this role only (case-insensitive). */
  role: text().trim().min(1).max(200).optional(),
  /** Count tentative work in utilization (the what-if); default false. */
  includeTentative: Bool.optional(),
  /** Each team's people and their weeks too; default false (the teams only). */
  people: Bool.optional(),
})

export const PersonWeekParam = z.object({
  id: Id,
  /** Any day of the ISO week (read as its Monday). */
  week: Day,
})
export const PersonWeekQuery = z.object({
  /** A team's slug: only the person's days in that team (as its heatmap row shows them). */
  team: TeamSlug.optional(),
})

export const OverallocationsQuery = z.object({ ...Range, includeTentative: Bool.optional() })
export const RunChangeQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  team: TeamSlug.optional(),
})
export const CoverQuery = z.object(Range)
export const ForecastQuery = z.object({
  weeks: digits(z.number().int().min(1).max(MAX_CAPACITY_WEEKS)).optional(),
  /** Default true: demand is all the work booked, tentative included. */
  includeTentative: Bool.optional(),
})

const Hours = z.number().min(0)
const Ratio = z.number().min(0).nullable()
const Week = z.iso.date()
const ByKind = z.strictObject({ project: Hours, run: Hours, support: Hours })
const TeamRef = z.strictObject({ id: z.number().int(), slug: z.string(), name: z.string() })
const PersonRef = z.strictObject({ id: z.number().int(), name: z.string(), role: z.string() })
const ProjectRef = z.strictObject({ code: z.string(), name: z.string() }).nullable()

/** One cell: a person's, a team's or all teams' week. `bookedHours`, `utilization`, `freeHours`,
 * `overHours` and `overAllocated` follow includeTentative. */
const WeekFigures = {
  week: Week,
  /** Contracted hours of the working days (after bank holidays, closures and employment). */
  capacity: Hours,
  timeOff: Hours,
  /** capacity − time off. */
  effective: Hours,
  booked: z.strictObject({ confirmed: ByKind, tentative: ByKind }),
  bookedHours: Hours,
  utilization: Ratio,
  utilizationConfirmed: Ratio,
  utilizationWithTentative: Ratio,
  freeHours: Hours,
  overHours: Hours,
  overAllocated: z.boolean(),
  /** Hours booked on days (or half days) of leave: conflicts to move. */
  bookedOverLeave: Hours,
  /** Incident toil (commanding, capped at the working day, + responder hours). */
  toil: Hours,
  /** effective − toil, never below 0. */
  focus: Hours,
}
export const WeekCell = z.strictObject(WeekFigures)

const BookingRow = z.strictObject({
  allocationId: z.number().int(),
  kind: z.enum(ALLOCATION_KINDS),
  status: z.enum(ALLOCATION_STATUSES),
  project: ProjectRef,
  /** The hours it books in the week (on the days counted). */
  hours: Hours,
})
const NamedDay = z.strictObject({ day: z.iso.date(), name: z.string() })

export const PersonWeek = z.strictObject({
  ...WeekFigures,
  /** Some day of this week is in the team. */
  inTeam: z.boolean(),
})

/** GET /capacity/people/:id/weeks/:week: the days and bookings behind a person's cell. */
export const PersonWeekDetail = z.strictObject({
  person: PersonRef,
  /** The Monday. */
  week: Week,
  /** The team whose days these are, or null: the whole week. */
  team: z.string().nullable(),
  /** Bank holidays of the person's region on their working days. */
  bankHolidays: z.array(NamedDay),
  closures: z.array(NamedDay),
  /** Working days with leave: 1 a whole day, 0.5 a half. */
  timeOff: z.array(z.strictObject({ day: z.iso.date(), share: z.number().min(0).max(1) })),
  timeOffDays: z.number().min(0),
  /** The allocations booking hours on those days, each with its hours. */
  allocations: z.array(BookingRow),
})
export type PersonWeekDetail = z.output<typeof PersonWeekDetail>

const Definitions = z.record(z.string(), z.string())

export const CapacityGrid = z.strictObject({
  /** The Monday of the first week and the Sunday of the last. */
  from: z.iso.date(),
  to: z.iso.date(),
  /** The Mondays, in order; every `weeks` array below has one entry per Monday. */
  weeks: z.array(Week),
  thisWeek: Week,
  includeTentative: z.boolean(),
  team: z.string().nullable(),
  role: z.string().nullable(),
  /** All teams shown: sums of their weeks. */
  total: z.array(WeekCell),
  teams: z.array(
    z.strictObject({
      ...TeamRef.shape,
      /** People with some day in this team in the range (of the role, if given). */
      headcount: Count,
      /** Sums of the people's days in this team. */
      weeks: z.array(WeekCell),
      /** With people=true, those people and their weeks in this team; otherwise null. */
      people: z
        .array(z.strictObject({ ...PersonRef.shape, weeks: z.array(PersonWeek) }))
        .nullable(),
    }),
  ),
  /** Which KPI_DEFINITIONS entry explains each figure. */
  definitions: Definitions,
})
export type CapacityGrid = z.output<typeof CapacityGrid>

export const Overallocations = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  includeTentative: z.boolean(),
  /** By week, then most hours over first. */
  items: z.array(
    z.strictObject({
      person: PersonRef,
      /** The team they were in at the end of the week. */
      team: TeamRef.nullable(),
      week: Week,
      booked: Hours,
      effective: Hours,
      overHours: Hours,
      utilization: Ratio,
      allocations: z.array(BookingRow),
      /** Days of leave with work booked on them. */
      leaveConflicts: z.array(
        z.strictObject({
          day: z.iso.date(),
          /** 1 a whole day off, 0.5 a half. */
          share: z.number().min(0).max(1),
          /** Hours booked over the leave (of the whole day's booking, the share off). */
          bookedOverLeave: Hours,
        }),
      ),
    }),
  ),
  definitions: Definitions,
})
export type Overallocations = z.output<typeof Overallocations>

const Split = {
  projectHours: Hours,
  runHours: Hours,
  supportHours: Hours,
  incidentHours: Hours,
  /** run + support + incident toil. */
  run: Hours,
  /** project. */
  change: Hours,
  runShare: Ratio,
  changeShare: Ratio,
}
export const RunChange = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  team: z.string().nullable(),
  /** Every month the range touches (`YYYY-MM`), confirmed work only. */
  months: z.array(z.strictObject({ month: z.string(), ...Split })),
  total: z.strictObject(Split),
  /** Incident toil by team and month. */
  toilByTeam: z.array(
    z.strictObject({
      team: TeamRef,
      months: z.array(z.strictObject({ month: z.string(), hours: Hours })),
      total: Hours,
    }),
  ),
  definitions: Definitions,
})
export type RunChange = z.output<typeof RunChange>

export const Cover = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  minimum: Count,
  /** Weeks in which a tier-1 service's owner team has working days under `minimum` available. */
  risks: z.array(
    z.strictObject({
      week: Week,
      team: TeamRef,
      services: z.array(z.strictObject({ slug: z.string(), name: z.string() })),
      days: z.array(
        z.strictObject({
          day: z.iso.date(),
          available: Count,
          people: z.array(z.strictObject({ id: z.number().int(), name: z.string() })),
        }),
      ),
    }),
  ),
  definitions: Definitions,
})
export type Cover = z.output<typeof Cover>

const ForecastWeek = z.strictObject({
  week: Week,
  /** Booked hours (tentative included unless includeTentative=false). */
  demand: Hours,
  effective: Hours,
  utilization: Ratio,
  overHours: Hours,
  /** Demand exceeds effective capacity. */
  over: z.boolean(),
})
export const Forecast = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  weeks: z.array(Week),
  includeTentative: z.boolean(),
  teams: z.array(z.strictObject({ team: TeamRef, overWeeks: Count, weeks: z.array(ForecastWeek) })),
  roles: z.array(
    z.strictObject({ role: z.string(), overWeeks: Count, weeks: z.array(ForecastWeek) }),
  ),
  definitions: Definitions,
})
export type Forecast = z.output<typeof Forecast>
