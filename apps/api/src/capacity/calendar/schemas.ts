import {
  CAPACITY_NOTE_MAX_LENGTH,
  CLOSURE_NAME_MAX_LENGTH,
  MAX_RESPONDER_HOURS,
  TIME_OFF_KINDS,
} from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { digits, Id } from '../../lib/params.ts'
import { name, text } from '../../lib/text.ts'
import { CapacityDay, spanProblem } from './day.ts'

// Time off, closure days and incident responder hours: the calendar capacity is worked against.

const Note = text()
  .trim()
  .max(CAPACITY_NOTE_MAX_LENGTH, `must be at most ${CAPACITY_NOTE_MAX_LENGTH} characters`)
const Named = z.strictObject({ id: z.number().int(), name: z.string() })
const DayRange = { from: CapacityDay.optional(), to: CapacityDay.optional() }

export const MAX_LISTED = 1000

// ---- time off: GET/POST /time-off, PATCH/DELETE /time-off/:id

export const HALF_DAY_ONE_DAY = 'is only for one day (firstDay = lastDay)'

export const NewTimeOff = z
  .strictObject({
    personId: z.number().int('must be a person’s id').min(1, 'must be a person’s id'),
    firstDay: CapacityDay,
    lastDay: CapacityDay,
    kind: z.enum(TIME_OFF_KINDS).default('annual_leave'),
    /** Half of one day: only when firstDay = lastDay. */
    halfDay: z.boolean().default(false),
    note: Note.default(''),
  })
  .superRefine((t, ctx) => {
    const problem = spanProblem(t.firstDay, t.lastDay)
    if (problem) ctx.addIssue({ code: 'custom', path: ['lastDay'], message: problem })
    else if (t.halfDay && t.firstDay !== t.lastDay) {
      ctx.addIssue({ code: 'custom', path: ['halfDay'], message: HALF_DAY_ONE_DAY })
    }
  })
export type NewTimeOff = z.output<typeof NewTimeOff>

/** PATCH /time-off/:id: fields left out keep their value; the person stays. */
export const TimeOffPatch = z.strictObject({
  firstDay: CapacityDay.optional(),
  lastDay: CapacityDay.optional(),
  kind: z.enum(TIME_OFF_KINDS).optional(),
  halfDay: z.boolean().optional(),
  note: Note.optional(),
})
export type TimeOffPatch = z.output<typeof TimeOffPatch>

export const TimeOffParam = z.object({ id: Id })

export const TimeOffListQuery = z.object({
  /** A person's id. */
  person: Id.optional(),
  /** Time off on or after this day (lastDay ≥ from). */
  from: DayRange.from,
  /** Time off on or before this day (firstDay ≤ to). */
  to: DayRange.to,
  limit: digits(z.number().min(1).max(MAX_LISTED)).default(MAX_LISTED),
})

export const TimeOff = z.strictObject({
  id: z.number().int(),
  person: Named,
  firstDay: z.iso.date(),
  lastDay: z.iso.date(),
  kind: z.enum(TIME_OFF_KINDS),
  halfDay: z.boolean(),
  note: z.string(),
  createdAt: IsoInstant,
  /** The user who added it; null for an API token, an import or a deleted user. */
  createdBy: Named.nullable(),
})

export const TimeOffList = z.strictObject({
  /** By first day, then person and id. */
  timeOff: z.array(TimeOff),
  truncated: z.boolean(),
})

// ---- closure days: GET/POST /closure-days, DELETE /closure-days/:day

export const NewClosureDay = z.strictObject({
  day: CapacityDay,
  /** What the organisation is closed for ("Christmas shutdown"). */
  name: name(CLOSURE_NAME_MAX_LENGTH),
})

export const ClosureDayParam = z.object({ day: CapacityDay })

export const ClosureDayListQuery = z.object(DayRange)

export const ClosureDay = z.strictObject({
  day: z.iso.date(),
  name: z.string(),
  createdAt: IsoInstant,
})

export const ClosureDayList = z.strictObject({ closureDays: z.array(ClosureDay) })

// ---- responder hours: GET /incidents/:ref/hours, PUT/DELETE /incidents/:ref/hours/:personId/:day

const hundredths = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6
/** 0.000000001 passes `hundredths` (its float tolerance) yet is stored as 0.00, which the table
 * refuses: positive amounts start at 0.01. */
const notBelowHundredth = (n: number) => n <= 0 || Math.round(n * 100) >= 1

export const ResponderHoursBody = z.strictObject({
  hours: z
    .number()
    .gt(0, 'must be more than 0')
    .refine(notBelowHundredth, 'must be at least 0.01')
    .max(MAX_RESPONDER_HOURS, `must be at most ${MAX_RESPONDER_HOURS}`)
    .refine(hundredths, 'must have at most 2 decimals'),
  note: Note.default(''),
})
export type ResponderHoursBody = z.output<typeof ResponderHoursBody>

/** `/:ref` of an incident (INC-2026-0042), as the incidents area reads it. */
export const IncidentRefParam = z.object({
  ref: z
    .string()
    .min(1)
    .max(40, 'must be at most 40 characters')
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9-]*$/,
      'must be an incident ref: letters, digits and hyphens (INC-2026-0042)',
    ),
})

export const ResponderHoursParam = IncidentRefParam.extend({ personId: Id, day: CapacityDay })

export const ResponderHours = z.strictObject({
  person: Named,
  day: z.iso.date(),
  hours: z.number(),
  note: z.string(),
  createdAt: IsoInstant,
  createdBy: Named.nullable(),
})

export const ResponderHoursList = z.strictObject({
  ref: z.string(),
  /** By day, then person. */
  hours: z.array(ResponderHours),
})
