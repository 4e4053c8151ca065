import { z } from 'zod'
import { Count } from '../lib/schema-parts.ts'

const Hours = z.number().min(0)

const CapacityHours = {
  people: Count,
  /** Contracted hours of the days employed this week, to 0.1 h. */
  contractedHours: Hours,
  /** Contracted hours less bank holidays, closure days and time off, to 0.1 h. */
  effectiveHours: Hours,
  /** Confirmed work booked on the working days (none on holidays or closures), to 0.1 h. */
  allocatedHours: Hours,
  overAllocatedPeople: Count,
  /** Allocated / effective; null without capacity. */
  utilization: z.number().min(0).nullable(),
}

export const CapacitySummary = z.strictObject({
  /** The Monday of the organisation's ISO week holding now. */
  week: z.iso.date(),
  teams: z.array(z.strictObject({ teamId: z.number().int(), name: z.string(), ...CapacityHours })),
  /** All teams: sums, and the utilization of the sums. */
  total: z.strictObject(CapacityHours),
})
export type CapacitySummary = z.output<typeof CapacitySummary>
