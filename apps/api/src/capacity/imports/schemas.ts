import { ALLOCATION_KINDS, ALLOCATION_STATUSES, BANK_HOLIDAY_REGIONS } from '@opsdeck/contract'
import { z } from 'zod'
import { importPreview } from '../../lib/csv/schemas.ts'

// POST /capacity/imports/{people,allocations}/{preview,commit}: the bodies and the answers.

const Day = z.iso.date()

/** POST /capacity/imports/people/preview: each row normalised (null where bad), with its status. */
export const PeoplePreview = importPreview(
  z.strictObject({
    name: z.string(),
    /** Lower case. */
    email: z.string(),
    /** The team's slug. */
    team: z.string().nullable(),
    role: z.string(),
    contractedHoursPerWeek: z.number().nullable(),
    /** ISO weekdays, Monday 1 … Sunday 7. */
    workingDays: z.array(z.number().int()).nullable(),
    skills: z.array(z.string()),
    /** Null: the organisation's region. */
    region: z.enum(BANK_HOLIDAY_REGIONS).nullable(),
    startDate: Day.nullable(),
    endDate: Day.nullable(),
    costRatePencePerHour: z.number().int().nullable(),
  }),
)
export type PeoplePreview = z.infer<typeof PeoplePreview>

/** POST /capacity/imports/people/commit: how many were added, by team. */
export const PeopleCommitted = z.strictObject({
  written: z.number().int(),
  duplicate: z.number().int(),
  teams: z.array(z.strictObject({ slug: z.string(), name: z.string(), written: z.number().int() })),
})
export type PeopleCommitted = z.infer<typeof PeopleCommitted>

/** POST /capacity/imports/allocations/preview: each row normalised, with its status. */
export const AllocationsPreview = importPreview(
  z.strictObject({
    /** The person's email, lower case. */
    person: z.string(),
    kind: z.enum(ALLOCATION_KINDS).nullable(),
    projectCode: z.string().nullable(),
    firstDay: Day.nullable(),
    lastDay: Day.nullable(),
    hoursPerWeek: z.number().nullable(),
    percent: z.number().nullable(),
    status: z.enum(ALLOCATION_STATUSES).nullable(),
    note: z.string(),
  }),
)
export type AllocationsPreview = z.infer<typeof AllocationsPreview>

/** POST /capacity/imports/allocations/commit: how many were written, by person. */
export const AllocationsCommitted = z.strictObject({
  written: z.number().int(),
  duplicate: z.number().int(),
  people: z.array(
    z.strictObject({ email: z.string(), name: z.string(), written: z.number().int() }),
  ),
})
export type AllocationsCommitted = z.infer<typeof AllocationsCommitted>
