import {
  BUDGET_CATEGORIES,
  COST_REFERENCE_MAX_LENGTH,
  MAX_AMOUNT_PENCE,
  MAX_YEAR,
  PROJECT_TEXT_MAX_LENGTH,
  SPEND_TYPES,
  SUPPLIER_MAX_LENGTH,
} from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { digits, Id } from '../../lib/params.ts'
import { nameProblem, text } from '../../lib/text.ts'
import { ProjectCodeParam } from '../project-ref.ts'
import { Cursor } from './cursor.ts'

// GET/POST /projects/:code/actuals and PATCH/DELETE /projects/:code/actuals/:id.

/** Cost entries are dated from 2000 on; accruals may be future-dated, so no upper bound but the year. */
export const FIRST_COST_DAY = '2000-01-01'

/** A real calendar day (2026-02-31 is refused), 2000 to MAX_YEAR. */
export const CostDay = z.iso
  .date('must be a day (2026-10-31)')
  .refine((s) => s >= FIRST_COST_DAY, `must be ${FIRST_COST_DAY} or later`)
  .refine((s) => Number(s.slice(0, 4)) <= MAX_YEAR, `must be in ${MAX_YEAR} or earlier`)

// One line of safe text, trimmed, possibly empty.
const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .superRefine((s, ctx) => {
      const message = nameProblem(s)
      if (message) ctx.addIssue({ code: 'custom', message })
    })

const Fields = {
  incurredOn: CostDay,
  /** Negative for a credit (a refund, a reversed invoice); never zero. */
  amountPence: z
    .number()
    .int('must be whole pence')
    .min(-MAX_AMOUNT_PENCE, `must be at least -${MAX_AMOUNT_PENCE} pence (−£10bn)`)
    .max(MAX_AMOUNT_PENCE, `must be at most ${MAX_AMOUNT_PENCE} pence (£10bn)`)
    .refine((n) => n !== 0, 'must not be zero (a credit is negative)'),
  category: z.enum(BUDGET_CATEGORIES),
  spendType: z.enum(SPEND_TYPES),
  supplier: line(SUPPLIER_MAX_LENGTH),
  /** An invoice or journal number, unique in the project when not empty. */
  reference: line(COST_REFERENCE_MAX_LENGTH),
  description: text()
    .trim()
    .max(PROJECT_TEXT_MAX_LENGTH, `must be at most ${PROJECT_TEXT_MAX_LENGTH} characters`),
  /** One of the project's budget lines, or null. */
  budgetLineId: z.number().int('must be a budget line’s id').min(1, 'must be a budget line’s id'),
}

/**
 * POST /projects/:code/actuals. With a budget line, category and spend type default to the
 * line's; without one they are required.
 */
export const NewCostEntry = z
  .strictObject({
    incurredOn: Fields.incurredOn,
    amountPence: Fields.amountPence,
    category: Fields.category.optional(),
    spendType: Fields.spendType.optional(),
    supplier: Fields.supplier.default(''),
    reference: Fields.reference.default(''),
    description: Fields.description.default(''),
    budgetLineId: Fields.budgetLineId.nullable().default(null),
  })
  .superRefine((e, ctx) => {
    if (e.budgetLineId !== null) return
    for (const field of ['category', 'spendType'] as const) {
      if (e[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'is required without a budgetLineId',
        })
      }
    }
  })
export type NewCostEntry = z.output<typeof NewCostEntry>

/** PATCH /projects/:code/actuals/:id: fields left out keep their value. */
export const CostEntryPatch = z.strictObject({
  incurredOn: Fields.incurredOn.optional(),
  amountPence: Fields.amountPence.optional(),
  category: Fields.category.optional(),
  spendType: Fields.spendType.optional(),
  supplier: Fields.supplier.optional(),
  reference: Fields.reference.optional(),
  description: Fields.description.optional(),
  /** A new line sets category and spend type to its own unless they are given too. */
  budgetLineId: Fields.budgetLineId.nullable().optional(),
})
export type CostEntryPatch = z.output<typeof CostEntryPatch>

export const CostEntryParam = ProjectCodeParam.extend({ id: Id })

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 200

export const CostEntryListQuery = z.object({
  /** incurredOn from this day, inclusive. */
  from: CostDay.optional(),
  /** incurredOn up to this day, inclusive. */
  to: CostDay.optional(),
  category: z.enum(BUDGET_CATEGORIES).optional(),
  /** The supplier's name exactly, any case. */
  supplier: line(SUPPLIER_MAX_LENGTH).optional(),
  /** Part of the reference, description or supplier, any case. */
  q: text().trim().max(100).optional(),
  cursor: Cursor.optional(),
  limit: digits(z.number().min(1).max(MAX_PAGE_SIZE)).default(DEFAULT_PAGE_SIZE),
})
export type CostEntryListQuery = z.output<typeof CostEntryListQuery>

const Named = z.strictObject({ id: z.number().int(), name: z.string() })

export const CostEntry = z.strictObject({
  id: z.number().int(),
  incurredOn: z.iso.date(),
  /** Whole pence; negative for a credit. */
  amountPence: z.number().int(),
  category: z.enum(BUDGET_CATEGORIES),
  spendType: z.enum(SPEND_TYPES),
  supplier: z.string(),
  reference: z.string(),
  description: z.string(),
  budgetLine: Named.nullable(),
  createdAt: IsoInstant,
  /** The user who entered it; null for an API token, an import by opsdeck or a deleted user. */
  createdBy: Named.nullable(),
})
export type CostEntry = z.output<typeof CostEntry>

export const CostEntryList = z.strictObject({
  code: z.string(),
  /** Newest incurredOn first, then the latest entered. */
  entries: z.array(CostEntry),
  /** Of every entry the filters select, not only this page. */
  total: z.strictObject({ count: z.number().int().min(0), amountPence: z.number().int() }),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
})
export type CostEntryList = z.output<typeof CostEntryList>
