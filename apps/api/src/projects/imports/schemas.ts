import { BUDGET_CATEGORIES, SPEND_TYPES } from '@opsdeck/contract'
import { z } from 'zod'
import { ImportRequest, importPreview } from '../../lib/csv/schemas.ts'
import { ProjectCode } from '../project-ref.ts'

const Day = z.iso.date()

/** A plan import's body: the CSV and why the projects are re-baselined, once for the file. */
export const BaselineImportRequest = ImportRequest.extend({
  reason: z.string().trim().min(1, 'is required: say why the plan changes').max(500),
})

// The projects' previews also total the rows' amount.
const preview = <V extends z.ZodType>(values: V) =>
  importPreview(values, { amountPence: z.number().int() })

/** POST /projects/imports/actuals/preview: each row normalised, with its status and errors. */
export const ActualsPreview = preview(
  z.strictObject({
    projectCode: z.string(),
    incurredOn: Day.nullable(),
    amountPence: z.number().int().nullable(),
    category: z.enum(BUDGET_CATEGORIES).nullable(),
    spendType: z.enum(SPEND_TYPES).nullable(),
    supplier: z.string(),
    reference: z.string(),
    description: z.string(),
  }),
)
export type ActualsPreview = z.infer<typeof ActualsPreview>

/** POST /projects/imports/actuals/commit: what was written. */
export const ActualsCommitted = z.strictObject({
  written: z.number().int(),
  duplicate: z.number().int(),
  amountPence: z.number().int(),
  projects: z.array(
    z.strictObject({ code: z.string(), written: z.number().int(), amountPence: z.number().int() }),
  ),
})
export type ActualsCommitted = z.infer<typeof ActualsCommitted>

/** POST /projects/imports/baselines/preview: each row normalised, with its status and errors. */
export const BaselinesPreview = preview(
  z.strictObject({
    projectCode: z.string(),
    month: Day.nullable(),
    amountPence: z.number().int().nullable(),
  }),
)
export type BaselinesPreview = z.infer<typeof BaselinesPreview>

/** POST /projects/imports/baselines/commit: the baseline version made for each project. */
export const BaselinesCommitted = z.strictObject({
  duplicate: z.number().int(),
  projects: z.array(
    z.strictObject({
      code: z.string(),
      version: z.number().int(),
      months: z.number().int(),
      plannedPence: z.number().int(),
    }),
  ),
})
export type BaselinesCommitted = z.infer<typeof BaselinesCommitted>

/** GET /projects/exports/actuals.csv: one project or all, between two days (both included). */
export const ActualsExportQuery = z.strictObject({
  project: ProjectCode.optional(),
  from: Day.optional(),
  to: Day.optional(),
})

/** GET /projects/exports/baselines.csv: one project's current plan, or every project's. */
export const BaselinesExportQuery = z.strictObject({ project: ProjectCode.optional() })
