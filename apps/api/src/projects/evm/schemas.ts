import {
  BUDGET_CATEGORIES,
  MAX_YEAR,
  MIN_YEAR,
  PROJECT_STATUSES,
  RAG_STATUSES,
} from '@opsdeck/contract'
import type { KpiId } from '@opsdeck/kpi'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { EvmFigures, Money, Thresholds } from '../schemas.ts'

// Money and indices as ../schemas.ts has them: null is n/a, never Infinity or NaN.
const Day = z.iso.date()
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

export const EvmQuery = z.object({
  /** The reporting date; today in the organisation's time zone when left out. */
  // Text that is no day gets that one message: the year checks would only repeat it.
  asOf: z.iso
    .date({ error: 'must be a day, e.g. 2026-03-29', abort: true })
    .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR, `must be in ${MIN_YEAR} or later`)
    .refine((s) => Number(s.slice(0, 4)) <= MAX_YEAR, `must be in ${MAX_YEAR} or earlier`)
    .optional(),
})

/** Each figure's entry in KPI_DEFINITIONS, for the UI's tooltip. */
export const FIGURE_DEFINITIONS = {
  bac: 'bac',
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
  percentComplete: 'percentComplete',
  spentShare: 'spentShare',
  burnRate: 'costBurnRate',
  runwayMonths: 'runwayMonths',
  forecastFinish: 'forecastFinish',
  rag: 'rag',
  ragHistory: 'ragHistory',
} as const satisfies Record<string, KpiId>

type Literals = {
  [K in keyof typeof FIGURE_DEFINITIONS]: z.ZodLiteral<(typeof FIGURE_DEFINITIONS)[K]>
}
const Definitions = z.strictObject(
  Object.fromEntries(
    Object.entries(FIGURE_DEFINITIONS).map(([figure, id]) => [figure, z.literal(id)]),
  ) as Literals,
)

const BaselineHeader = z.strictObject({
  version: z.number().int().min(1),
  /** Why the plan was set or changed. */
  reason: z.string(),
  createdAt: IsoInstant,
})

const Figures = z.strictObject({
  ...EvmFigures,
  /** The latest progress on or before asOf, 0–100; null when none was recorded. */
  percentComplete: z.number().min(0).max(100).nullable(),
  progressAsOf: Day.nullable(),
  /** AC per month over the window [from, asOf] of `months` months; null before the start. */
  burnRate: z
    .strictObject({ perMonth: Money.nullable(), from: Day, months: z.number().positive() })
    .nullable(),
  runwayMonths: z.number().min(0).nullable(),
  forecastFinish: Day.nullable(),
  definitions: Definitions,
})

const Change = z.strictObject({ day: Day, status: z.enum(RAG_STATUSES), reason: z.string() })

const SCurvePoint = z.strictObject({
  month: Month,
  /** Cumulative planned value at the month's end, by the current baseline. */
  pv: Money,
  /** The same by version 1, when the project was re-baselined; else null. */
  pvOriginal: Money.nullable(),
  /** Cumulative, at the month's end or asOf in asOf's month; null for months after asOf. */
  ev: Money.nullable(),
  ac: Money.nullable(),
  /** From AC at asOf (asOf's month) to EAC at the end month, linear by month; null elsewhere. */
  eacForecast: Money.nullable(),
})

const Split = z.strictObject({ budget: Money, actual: Money })

export const ProjectEvm = z.strictObject({
  project: z.strictObject({
    code: z.string(),
    name: z.string(),
    status: z.enum(PROJECT_STATUSES),
    startDate: Day,
    endDate: Day,
  }),
  asOf: Day,
  currency: z.string().length(3),
  /** The baseline the PV uses (the highest version); null when PV is linear over the dates. */
  baseline: BaselineHeader.nullable(),
  /** Version 1, when a re-baseline has happened; else null. */
  original: BaselineHeader.nullable(),
  figures: Figures,
  rag: z.strictObject({
    status: z.enum(RAG_STATUSES),
    /** The rule that set the colour, e.g. "CPI 0.82 < 0.85". */
    reason: z.string(),
    /** The organisation's thresholds now: they set this colour and every one in ragHistory. */
    thresholds: Thresholds,
  }),
  /** From the start to asOf: the first day's colour, then each change, oldest first. */
  ragHistory: z.array(Change),
  sCurve: z.array(SCurvePoint),
  /** Spend dated before the start month is counted in the start month. */
  monthly: z.array(z.strictObject({ month: Month, planned: Money, actual: Money })),
  categories: z.array(
    z.strictObject({
      category: z.enum(BUDGET_CATEGORIES),
      budget: Money,
      /** AC to asOf booked to the category. */
      actual: Money,
      capex: Split,
      opex: Split,
    }),
  ),
  spendTypes: z.strictObject({ capex: Split, opex: Split }),
})
export type ProjectEvm = z.output<typeof ProjectEvm>
