import {
  ALLOCATION_KINDS,
  ALLOCATION_STATUSES,
  CAPACITY_NOTE_MAX_LENGTH,
  MAX_ALLOCATION_HOURS,
  MAX_ALLOCATION_PERCENT,
  PROJECT_CODE_PATTERN,
} from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { digits, Id } from '../../lib/params.ts'
import { text } from '../../lib/text.ts'
import { CapacityDay, spanProblem } from '../calendar/day.ts'

// GET/POST /allocations, PATCH/DELETE /allocations/:id and POST /allocations/preview.

/** A project's code, as the projects area writes it (PRJ-0012). */
const ProjectCode = z
  .string()
  .regex(PROJECT_CODE_PATTERN, 'must be capitals, digits, - and _ (at most 32), e.g. PRJ-0012')

/** At most two decimals, as numeric(5, 2) stores them. */
const hundredths = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6
/** 0.000000001 passes `hundredths` (its float tolerance) yet is stored as 0.00, which the table
 * refuses: positive amounts start at 0.01. */
const notBelowHundredth = (n: number) => n <= 0 || Math.round(n * 100) >= 1

const HoursPerWeek = z
  .number()
  .gt(0, 'must be more than 0')
  .refine(notBelowHundredth, 'must be at least 0.01')
  .max(MAX_ALLOCATION_HOURS, `must be at most ${MAX_ALLOCATION_HOURS}`)
  .refine(hundredths, 'must have at most 2 decimals')
const Percent = z
  .number()
  .gt(0, 'must be more than 0')
  .refine(notBelowHundredth, 'must be at least 0.01')
  .max(MAX_ALLOCATION_PERCENT, `must be at most ${MAX_ALLOCATION_PERCENT}`)
  .refine(hundredths, 'must have at most 2 decimals')
const Note = text()
  .trim()
  .max(CAPACITY_NOTE_MAX_LENGTH, `must be at most ${CAPACITY_NOTE_MAX_LENGTH} characters`)
const PersonId = z.number().int('must be a person’s id').min(1, 'must be a person’s id')

/** POST /allocations (and a new allocation in a preview). */
export const NewAllocation = z
  .strictObject({
    personId: PersonId,
    kind: z.enum(ALLOCATION_KINDS),
    /** Required for kind project (a project neither closed nor cancelled); not given otherwise. */
    projectCode: ProjectCode.nullable().default(null),
    firstDay: CapacityDay,
    lastDay: CapacityDay,
    /** Exactly one of hoursPerWeek and percent (of the person's contracted hours). */
    hoursPerWeek: HoursPerWeek.nullable().default(null),
    percent: Percent.nullable().default(null),
    status: z.enum(ALLOCATION_STATUSES).default('confirmed'),
    note: Note.default(''),
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'project' && a.projectCode === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['projectCode'],
        message: 'is required for kind project',
      })
    }
    if (a.kind !== 'project' && a.projectCode !== null) {
      ctx.addIssue({ code: 'custom', path: ['projectCode'], message: 'is only for kind project' })
    }
    if ((a.hoursPerWeek === null) === (a.percent === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [a.hoursPerWeek === null ? 'hoursPerWeek' : 'percent'],
        message: 'give exactly one of hoursPerWeek and percent',
      })
    }
    const problem = spanProblem(a.firstDay, a.lastDay)
    if (problem) ctx.addIssue({ code: 'custom', path: ['lastDay'], message: problem })
  })
export type NewAllocation = z.output<typeof NewAllocation>

/**
 * PATCH /allocations/:id: fields left out keep their value; the person stays (delete and add to
 * book someone else). Giving hoursPerWeek clears percent and the other way round; a kind other
 * than project drops the project.
 */
export const AllocationPatch = z
  .strictObject({
    kind: z.enum(ALLOCATION_KINDS).optional(),
    projectCode: ProjectCode.nullable().optional(),
    firstDay: CapacityDay.optional(),
    lastDay: CapacityDay.optional(),
    hoursPerWeek: HoursPerWeek.optional(),
    percent: Percent.optional(),
    status: z.enum(ALLOCATION_STATUSES).optional(),
    note: Note.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.hoursPerWeek !== undefined && a.percent !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['percent'],
        message: 'give one of hoursPerWeek and percent, not both',
      })
    }
  })
export type AllocationPatch = z.output<typeof AllocationPatch>

export const AllocationParam = z.object({ id: Id })

const AllocationId = z
  .number()
  .int('must be an allocation’s id')
  .min(1, 'must be an allocation’s id')
const AllocationChange = z.strictObject({ id: AllocationId, patch: AllocationPatch })
const AllocationRemoval = z.strictObject({ id: AllocationId, delete: z.literal(true) })
const PreviewShapes = z.union([AllocationChange, AllocationRemoval, NewAllocation])
export type AllocationPreviewBody = z.output<typeof PreviewShapes>

// The document's dialect is OpenAPI's: the shapes go in without their own $schema.
const previewShapes: Record<string, unknown> = z.toJSONSchema(PreviewShapes, { io: 'input' })
delete previewShapes.$schema

/**
 * POST /allocations/preview: a new allocation, `{id, patch}` for a change, or `{id, delete: true}`.
 * Read by the shape it has (id or not), so a refusal names the fields of that shape rather than
 * the union's "Invalid input"; the document describes the three shapes.
 */
export const AllocationPreviewBody = z
  .looseObject({})
  .transform((body, ctx): AllocationPreviewBody => {
    const shape =
      'id' in body ? ('delete' in body ? AllocationRemoval : AllocationChange) : NewAllocation
    const result = shape.safeParse(body)
    if (result.success) return result.data
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
    }
    return z.NEVER
  })
  .meta(previewShapes)

export const MAX_ALLOCATIONS_LISTED = 1000

export const AllocationListQuery = z.object({
  /** A person's id. */
  person: Id.optional(),
  /** A project's code. */
  project: ProjectCode.optional(),
  /** A team's slug: the people in it today (the membership covering the organisation's day). */
  team: text().min(1).max(60).optional(),
  /** Allocations running on or after this day (lastDay ≥ from). */
  from: CapacityDay.optional(),
  /** Allocations starting on or before this day (firstDay ≤ to). */
  to: CapacityDay.optional(),
  status: z.enum(ALLOCATION_STATUSES).optional(),
  kind: z.enum(ALLOCATION_KINDS).optional(),
  limit: digits(z.number().min(1).max(MAX_ALLOCATIONS_LISTED)).default(MAX_ALLOCATIONS_LISTED),
})
export type AllocationListQuery = z.output<typeof AllocationListQuery>

const Named = z.strictObject({ id: z.number().int(), name: z.string() })

export const Allocation = z.strictObject({
  id: z.number().int(),
  person: Named,
  /** The person's current team. */
  team: z.strictObject({ id: z.number().int(), slug: z.string(), name: z.string() }),
  kind: z.enum(ALLOCATION_KINDS),
  project: z.strictObject({ code: z.string(), name: z.string() }).nullable(),
  firstDay: z.iso.date(),
  lastDay: z.iso.date(),
  hoursPerWeek: z.number().nullable(),
  percent: z.number().nullable(),
  /** The hours a full week books: hoursPerWeek, or percent of the person's contracted hours. */
  weeklyHours: z.number(),
  status: z.enum(ALLOCATION_STATUSES),
  note: z.string(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  /** The user who added it; null for an API token, an import or a deleted user. */
  createdBy: Named.nullable(),
})
export type Allocation = z.output<typeof Allocation>

export const AllocationList = z.strictObject({
  /** By first day, then person and id. */
  allocations: z.array(Allocation),
  /** More matched than `limit`. */
  truncated: z.boolean(),
})

const Figures = z.strictObject({
  booked: z.number(),
  /** booked / effective; null when there is no effective capacity. */
  utilization: z.number().nullable(),
  freeHours: z.number(),
  overHours: z.number(),
  overAllocated: z.boolean(),
})

/** One ISO week of one person, as the heatmap shows it. */
export const PersonWeek = z.strictObject({
  /** The Monday. */
  week: z.iso.date(),
  /** Contracted hours of the week's working days (after bank holidays, closures, employment). */
  capacity: z.number(),
  /** capacity less time off. */
  effective: z.number(),
  /** Confirmed work only. */
  confirmed: Figures,
  /** Confirmed and tentative work (the what-if). */
  withTentative: Figures,
})
export type PersonWeek = z.output<typeof PersonWeek>

export const AllocationPreview = z.strictObject({
  person: Named,
  /** The ISO weeks the change touches, before and after it. */
  weeks: z.array(z.strictObject({ week: z.iso.date(), before: PersonWeek, after: PersonWeek })),
})
export type AllocationPreview = z.output<typeof AllocationPreview>
