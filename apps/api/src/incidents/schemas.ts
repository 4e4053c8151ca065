import { SEVERITIES } from '@opsdeck/contract'
import { z } from 'zod'
import { Count, countsOf } from '../lib/schema-parts.ts'
const Minutes = z.number().min(0).nullable()

/** `/:ref` of an incident, for every route that takes one: `INC-2026-0042`. */
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

/** Minutes from start to a milestone over the incidents that reached it (count). */
export const DurationSummary = z.strictObject({
  mean: Minutes,
  median: Minutes,
  p90: Minutes,
  count: Count,
})

export const IncidentsSummary = z.strictObject({
  /** Open now, whenever they started. */
  open: countsOf([...SEVERITIES, 'total']),
  startedInRange: Count,
  mtta: DurationSummary,
  mttr: DurationSummary,
})
export type IncidentsSummary = z.output<typeof IncidentsSummary>
