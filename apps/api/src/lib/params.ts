import { z } from 'zod'

const DIGITS = /^[0-9]+$/

/**
 * A whole number from a path or query string: decimal digits only, so `1e3`, `0x4`, ` 4`, `+4`
 * and `4.0` are refused rather than read by `Number()`; `range` bounds it.
 */
export const digits = (range: z.ZodNumber) =>
  z.string().regex(DIGITS, 'must be a whole number in decimal digits').transform(Number).pipe(range)

/** A row id (the columns are int8): bounded by what a JS number holds exactly. */
export const Id = digits(z.number().min(1).max(Number.MAX_SAFE_INTEGER))

/** `/:id` in a path. */
export const IdParam = z.object({ id: Id })
