import { z } from 'zod'
import { CapacitySummary } from '../capacity/schemas.ts'
import { IncidentsSummary } from '../incidents/schemas.ts'
import { AttentionItem } from '../lib/attention.ts'
import { ProjectsSummary } from '../projects/schemas.ts'
import { ServicesSummary } from '../services/schemas.ts'

/**
 * The four areas' summaries for one range, as each area's GET /<area>/summary gives it, and what
 * needs attention now across the areas, most urgent first.
 */
export const Overview = z.strictObject({
  services: ServicesSummary,
  incidents: IncidentsSummary,
  budgets: ProjectsSummary,
  capacity: CapacitySummary,
  /** Now, whatever the range: the manager's list of what needs a decision today. */
  attention: z.array(AttentionItem),
})
export type Overview = z.output<typeof Overview>
