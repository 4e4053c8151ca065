import { SEVERITIES } from '@opsdeck/contract'
import { z } from 'zod'
import { Count, countsOf } from '../lib/schema-parts.ts'
const Minutes = z.number().min(0).nullable()

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
