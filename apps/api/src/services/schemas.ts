import { z } from 'zod'
import { IsoInstant } from '../lib/openapi.ts'
import { Count, countsOf, Ratio } from '../lib/schema-parts.ts'

export const SERVICE_STATUSES = ['up', 'degraded', 'down', 'maintenance', 'unknown'] as const

export const TierSummary = z.strictObject({
  tier: z.number().int().min(1).max(3),
  services: Count,
  /** Pooled uptime of the tier's samples over the range; null is no data, never 0. */
  uptime: Ratio.nullable(),
  coverage: Ratio.nullable(),
  sloTargetMin: Ratio.nullable(),
  sloTargetMax: Ratio.nullable(),
  health: z.enum(['meeting', 'partly', 'breaching', 'no-data']),
  meetingSlo: Count,
  breachingSlo: Count,
  noData: Count,
})

export const ServicesSummary = z.strictObject({
  from: IsoInstant,
  to: IsoInstant,
  total: Count,
  /** Status now: the newest sample within three check intervals, else unknown. */
  byStatus: countsOf(SERVICE_STATUSES),
  byTier: z.array(TierSummary),
})
export type ServicesSummary = z.output<typeof ServicesSummary>
