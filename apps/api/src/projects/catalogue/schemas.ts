import {
  BUDGET_CATEGORIES,
  MAX_AMOUNT_PENCE,
  MAX_PROJECT_YEARS,
  MAX_YEAR,
  MIN_YEAR,
  PROJECT_NAME_MAX_LENGTH,
  PROJECT_STATUSES,
  PROJECT_TEXT_MAX_LENGTH,
  SPEND_TYPES,
  yearsAfter,
} from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { Id } from '../../lib/params.ts'
import { name, nameProblem, text } from '../../lib/text.ts'
import { ProjectCode } from '../project-ref.ts'

// The catalogue's requests and answers: projects and their budget lines. Money is integer pence.

/** A calendar day, a real one (2026-02-31 is refused). */
const Day = z.iso
  .date('must be a day (2026-10-31)')
  .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR, `must be in ${MIN_YEAR} or later`)
  .refine((s) => Number(s.slice(0, 4)) <= MAX_YEAR, `must be in ${MAX_YEAR} or earlier`)

const ProjectName = name(PROJECT_NAME_MAX_LENGTH)
// One line that may be left empty (a project with no sponsor yet).
const Sponsor = z
  .string()
  .trim()
  .max(PROJECT_NAME_MAX_LENGTH, `must be at most ${PROJECT_NAME_MAX_LENGTH} characters`)
  .superRefine((s, ctx) => {
    const message = nameProblem(s)
    if (message) ctx.addIssue({ code: 'custom', message })
  })
const Description = text()
  .trim()
  .max(PROJECT_TEXT_MAX_LENGTH, `must be at most ${PROJECT_TEXT_MAX_LENGTH} characters`)
const PersonId = z.number().int('must be a person’s id').min(1, 'must be a person’s id')
const Pence = z
  .number()
  .int('must be whole pence')
  .min(0, 'must be 0 or more')
  .max(MAX_AMOUNT_PENCE, `must be at most ${MAX_AMOUNT_PENCE} pence (£10bn)`)

const LineFields = {
  name: ProjectName,
  category: z.enum(BUDGET_CATEGORIES),
  spendType: z.enum(SPEND_TYPES),
  amountPence: Pence,
}

/** A budget line to add. */
export const NewBudgetLine = z.strictObject(LineFields)
export type NewBudgetLine = z.output<typeof NewBudgetLine>

/** Any of a line's fields. */
export const BudgetLinePatch = z.strictObject({
  name: LineFields.name.optional(),
  category: LineFields.category.optional(),
  spendType: LineFields.spendType.optional(),
  amountPence: LineFields.amountPence.optional(),
})
export type BudgetLinePatch = z.output<typeof BudgetLinePatch>

const endNotBeforeStart = {
  path: ['endDate'],
  message: 'must be on or after startDate',
}
const notTooLong = (p: { startDate?: string; endDate?: string }) =>
  !p.startDate || !p.endDate || p.endDate < yearsAfter(p.startDate, MAX_PROJECT_YEARS)
const endWithinYears = {
  path: ['endDate'],
  message: `must be less than ${MAX_PROJECT_YEARS} years after startDate`,
}

export const NewProject = z
  .strictObject({
    code: ProjectCode,
    name: ProjectName,
    description: Description.default(''),
    /** A person's id (people, not users); null or left out for nobody yet. */
    ownerPersonId: PersonId.nullable().default(null),
    sponsor: Sponsor.default(''),
    startDate: Day,
    endDate: Day,
    status: z.enum(PROJECT_STATUSES).default('active'),
    lines: z.array(NewBudgetLine).max(200).default([]),
  })
  .refine((p) => p.endDate >= p.startDate, endNotBeforeStart)
  .refine(notTooLong, endWithinYears)
export type NewProject = z.output<typeof NewProject>

/** Any of the project's fields but its code, which other systems know it by. */
export const ProjectPatch = z
  .strictObject({
    name: ProjectName.optional(),
    description: Description.optional(),
    ownerPersonId: PersonId.nullable().optional(),
    sponsor: Sponsor.optional(),
    startDate: Day.optional(),
    endDate: Day.optional(),
    status: z.enum(PROJECT_STATUSES).optional(),
  })
  .refine((p) => !p.startDate || !p.endDate || p.endDate >= p.startDate, endNotBeforeStart)
  .refine(notTooLong, endWithinYears)
export type ProjectPatch = z.output<typeof ProjectPatch>

/**
 * A parameter that may be repeated (`status=active&status=on_hold`) or comma-separated
 * (`status=active,on_hold`), as GET /incidents reads its filters.
 */
const repeatable = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()),
    )
    .pipe(z.array(item).min(1))

export const ProjectListQuery = z.object({
  status: repeatable(z.enum(PROJECT_STATUSES)).optional(),
  /** Part of the code or the name, any case. */
  q: text().max(100).optional(),
})
export type ProjectListQuery = z.output<typeof ProjectListQuery>

export const BudgetLineParam = z.object({ code: ProjectCode, id: Id })

// Answers.

const Money = z.number().int()

const ListItemFields = {
  code: z.string(),
  name: z.string(),
  status: z.enum(PROJECT_STATUSES),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  owner: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
  sponsor: z.string(),
  /** Budget at completion: the sum of the budget lines. */
  bac: Money,
}

export const ProjectListItem = z.strictObject(ListItemFields)
export type ProjectListItem = z.output<typeof ProjectListItem>
/** Every project (or those the filters keep), by code. */
export const ProjectList = z.strictObject({ projects: z.array(ProjectListItem) })
export type ProjectList = z.output<typeof ProjectList>

export const BudgetLine = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  category: z.enum(BUDGET_CATEGORIES),
  spendType: z.enum(SPEND_TYPES),
  amountPence: Money,
})

const sumsOf = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, Money])) as Record<K, typeof Money>)

export const ProjectRecord = z.strictObject({
  ...ListItemFields,
  description: z.string(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  /** In the order they were added. */
  lines: z.array(BudgetLine),
  /** The BAC split by category and by capex/opex; every key present, 0 for none. */
  budget: z.strictObject({
    byCategory: sumsOf(BUDGET_CATEGORIES),
    bySpendType: sumsOf(SPEND_TYPES),
  }),
})
export type ProjectRecord = z.output<typeof ProjectRecord>
