import { z } from 'zod'
import { CapacitySummary } from '../capacity/schemas.ts'
import { IncidentsSummary } from '../incidents/schemas.ts'
import { ProjectsSummary } from '../projects/schemas.ts'
import { ServicesSummary } from '../services/schemas.ts'

/** The four areas' summaries for one range, as each area's GET /<area>/summary gives it. */
export const Overview = z.strictObject({
  services: ServicesSummary,
  incidents: IncidentsSummary,
  budgets: ProjectsSummary,
  capacity: CapacitySummary,
})
export type Overview = z.output<typeof Overview>
