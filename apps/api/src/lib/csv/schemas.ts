import { z } from 'zod'

// The bodies and answers every CSV import shares (projects' actuals and baselines, capacity's
// people and allocations); each import names only its row values and any extra totals.

/** An import's body: the CSV's text (at most MAX_IMPORT_BYTES of UTF-8). */
export const ImportRequest = z.strictObject({
  csv: z.string().min(1, 'is empty: send the CSV file’s text'),
})

const Problem = z.strictObject({
  line: z.number().int().min(1),
  column: z.string().nullable(),
  message: z.string(),
})

const Row = <V extends z.ZodType>(values: V) =>
  z.strictObject({
    line: z.number().int().min(1),
    status: z.enum(['new', 'duplicate', 'error']),
    values,
    errors: z.array(z.strictObject({ column: z.string(), message: z.string() })),
  })

/** A preview's answer: each row with its values (as `values` says) and status, and the counts. */
export const importPreview = <V extends z.ZodType, T extends z.ZodRawShape = Record<never, never>>(
  values: V,
  totals?: T,
) =>
  z.strictObject({
    rows: z.array(Row(values)),
    fileErrors: z.array(Problem),
    summary: z.strictObject({
      total: z.number().int(),
      new: z.number().int(),
      duplicate: z.number().int(),
      errors: z.number().int(),
      ...(totals as T),
      /** No error anywhere: a commit of the same text would write the new rows. */
      committable: z.boolean(),
    }),
    warnings: z.array(z.string()),
  })
