import { RAG_STATUSES } from '@opsdeck/contract'
import { z } from 'zod'
import { Count, countsOf } from '../lib/schema-parts.ts'

// Parts the projects area's answers share. Money is whole minor units (pence for GBP) of
// `currency`; an index is null for n/a (a division by zero, or a figure made from one).
export const Money = z.number().int()
export const Index = z.number().nullable()
const Level = z.strictObject({ cpi: z.number(), spi: z.number(), eacOverBac: z.number() })
/** The organisation's RAG thresholds the colours were set by. */
export const Thresholds = z.strictObject({ red: Level, amber: Level })

/** The EVM figures as packages/kpi computes them (DESIGN.md "EVM"). */
export const EvmFigures = {
  bac: Money,
  pv: Money,
  ev: Money,
  ac: Money,
  cv: Money,
  sv: Money,
  cpi: Index,
  spi: Index,
  /** Typical: BAC / CPI. */
  eac: Money.nullable(),
  eacAtypical: Money,
  eacCombined: Money.nullable(),
  etc: Money.nullable(),
  vac: Money.nullable(),
  tcpi: Index,
  /** AC / BAC: 1 is the whole budget spent, above 1 overspent. */
  spentShare: Index,
}

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
  thresholds: Thresholds,
})
export type ProjectsSummary = z.output<typeof ProjectsSummary>
