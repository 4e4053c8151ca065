import { MAX_YEAR, MIN_YEAR, PROJECT_STATUSES, RAG_STATUSES } from '@opsdeck/contract'
import { z } from 'zod'
import { CapacityRisk } from '../../capacity/queries.ts'
import { Count } from '../../lib/schema-parts.ts'
import { EvmFigures, Money, Thresholds } from '../schemas.ts'

// GET /portfolio: its query and its answer. Money is whole minor units (pence) of `currency`.

/** A calendar day (`2026-10-31`) that exists, from MIN_YEAR to MAX_YEAR. */
export const DayParam = z.iso
  .date({ error: 'must be a day that exists, as YYYY-MM-DD', abort: true })
  .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR, `must be in ${MIN_YEAR} or later`)
  .refine((s) => Number(s.slice(0, 4)) <= MAX_YEAR, `must be in ${MAX_YEAR} or earlier`)

/** Repeated (`status=active&status=closed`) or comma-separated (`status=active,closed`). */
export const repeatable = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()),
    )
    .pipe(z.array(item).min(1))

export const PortfolioQuery = z.object({
  /** The reporting day; default today in the organisation's time zone. */
  asOf: DayParam.optional(),
  /** Default the live statuses (active, on hold). */
  status: repeatable(z.enum(PROJECT_STATUSES)).optional(),
})

const Split = z.strictObject({ capex: Money, opex: Money })
const Pair = z.strictObject({ budget: Money, actual: Money })

export const PortfolioProject = z.strictObject({
  code: z.string(),
  name: z.string(),
  status: z.enum(PROJECT_STATUSES),
  owner: z.strictObject({ id: z.number().int(), name: z.string() }).nullable(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  /** False when it starts after asOf: listed (and in the totals) with PV 0. */
  started: z.boolean(),
  ...EvmFigures,
  /** The latest progress on or before asOf, 0–100 as recorded; null when none. */
  percentComplete: z.number().min(0).max(100).nullable(),
  rag: z.strictObject({
    status: z.enum(RAG_STATUSES),
    /** The rule that set the colour, e.g. "CPI 0.82 < 0.85". */
    reason: z.string(),
  }),
  /** By SPI: the planned duration / SPI from the start; null while SPI is n/a. */
  forecastFinish: z.iso.date().nullable(),
  /** The forecast finish is after the end date; null while there is no forecast. */
  finishLate: z.boolean().nullable(),
  /** BAC by spend type. */
  budget: Split,
  /** AC by spend type. */
  actual: Split,
  /**
   * Risk from capacity in this week and the next three, as of today whatever asOf: of the people
   * booked on it (confirmed; those on tentative allocations only counted apart), how many are
   * booked over 110% or have whole days of leave, and in which weeks, with a sentence ("3 of 5
   * people booked over 110% in weeks 51–52; 2 of 5 on leave half the week or more in week 52"). Null when none is, and
   * for projects not live (active or on hold).
   */
  capacityRisk: CapacityRisk.nullable(),
})
export type PortfolioProject = z.output<typeof PortfolioProject>

/** Which KPI_DEFINITIONS entry explains each figure (the UI's tooltips). */
export const PORTFOLIO_DEFINITIONS = {
  pv: 'pv',
  ev: 'ev',
  ac: 'ac',
  cv: 'cv',
  sv: 'sv',
  cpi: 'cpi',
  spi: 'spi',
  eac: 'eac',
  eacAtypical: 'eacAtypical',
  eacCombined: 'eacCombined',
  etc: 'etc',
  vac: 'vac',
  tcpi: 'tcpi',
  rag: 'rag',
  forecastFinish: 'forecastFinish',
  totals: 'portfolioEvm',
  totalsEac: 'forecastCost',
  capacityRisk: 'projectCapacityRisk',
} as const

export const Portfolio = z.strictObject({
  asOf: z.iso.date(),
  currency: z.string().length(3),
  /** The statuses listed. */
  statuses: z.array(z.enum(PROJECT_STATUSES)),
  /** By code. */
  projects: z.array(PortfolioProject),
  /**
   * Over every project listed: money summed, indices recomputed from the sums, never averaged;
   * EAC is the sum of each project's EAC (its BAC while n/a).
   */
  totals: z.strictObject({ projects: Count, ...EvmFigures, eac: Money, etc: Money, vac: Money }),
  /** Budget (BAC) and actuals (AC to asOf) of the projects listed, by spend type. */
  capexOpex: z.strictObject({ capex: Pair, opex: Pair }),
  definitions: z.strictObject(
    Object.fromEntries(
      Object.entries(PORTFOLIO_DEFINITIONS).map(([k, v]) => [k, z.literal(v)]),
    ) as {
      [K in keyof typeof PORTFOLIO_DEFINITIONS]: z.ZodLiteral<(typeof PORTFOLIO_DEFINITIONS)[K]>
    },
  ),
  thresholds: Thresholds,
})
export type Portfolio = z.output<typeof Portfolio>
