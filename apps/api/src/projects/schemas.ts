import { RAG_STATUSES } from '@opsdeck/contract'
import { z } from 'zod'
import { Count, countsOf } from '../lib/schema-parts.ts'

// Money is whole minor units (pence for GBP) of `currency`.
const Money = z.number().int()
const Level = z.strictObject({ cpi: z.number(), spi: z.number(), eacOverBac: z.number() })

export const ProjectAtRisk = z.strictObject({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  status: z.enum(['red', 'amber']),
  /** The rule that set the colour, e.g. "CPI 0.82 < 0.85". */
  reason: z.string(),
})

export const ProjectsSummary = z.strictObject({
  /** The day the figures are as of: the range's last day, or today. */
  asOf: z.iso.date(),
  currency: z.string().length(3),
  projects: Count,
  bac: Money,
  ac: Money,
  /** The sum of each project's forecast cost (EAC, or BAC while EAC is n/a). */
  eac: Money,
  vac: Money,
  rag: countsOf(RAG_STATUSES),
  /** Red, then amber, at most five. */
  atRisk: z.array(ProjectAtRisk),
  /** The organisation's RAG thresholds the colours were set by. */
  thresholds: z.strictObject({ red: Level, amber: Level }),
})
export type ProjectsSummary = z.output<typeof ProjectsSummary>
