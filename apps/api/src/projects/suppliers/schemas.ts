import { z } from 'zod'
import { Count } from '../../lib/schema-parts.ts'
import { DayParam } from '../portfolio/schemas.ts'
import { TOP_PROJECTS } from './queries.ts'

// GET /suppliers: its query and its answer. Money is whole minor units (pence) of `currency`.

export const SupplierQuery = z.object({
  /** First day, inclusive; default the first of the month 11 months before `to`'s. */
  from: DayParam.optional(),
  /** Last day, inclusive; default today in the organisation's time zone. */
  to: DayParam.optional(),
})

const Money = z.number().int()
const Month = z.string().regex(/^\d{4}-\d{2}$/)
/** Of all spend in the range (credits count negative); null when that is 0. */
const Share = z.number().nullable()

export const SupplierSpend = z.strictObject({
  /** As entered, trimmed; "(no supplier)" for entries without one. */
  supplier: z.string(),
  total: Money,
  share: Share,
  /** Its largest projects in the range, at most five, largest first (ties by code). */
  projects: z
    .array(z.strictObject({ code: z.string(), name: z.string(), total: Money }))
    .max(TOP_PROJECTS),
  /** How many projects it has entries on in the range (`projects` names at most five of them). */
  projectCount: Count,
  /** Every month of the range, in order, 0 where nothing was spent. */
  months: z.array(z.strictObject({ month: Month, total: Money })),
})

export const Suppliers = z.strictObject({
  from: z.iso.date(),
  to: z.iso.date(),
  currency: z.string().length(3),
  /** All spend in the range, on every project whatever its status. */
  total: Money,
  /** `YYYY-MM`, every month the range touches. */
  months: z.array(Month),
  /** Largest total first, then by name. */
  suppliers: z.array(SupplierSpend),
  /** The ten largest, then the rest summed as one "Other" entry (`other`: true). */
  top: z.array(
    z.strictObject({
      supplier: z.string(),
      total: Money,
      share: Share,
      other: z.boolean(),
      /** How many suppliers the entry sums: 1, or the rest for "Other". */
      suppliers: Count,
    }),
  ),
})
export type Suppliers = z.output<typeof Suppliers>
