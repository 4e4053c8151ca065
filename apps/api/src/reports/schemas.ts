import { z } from 'zod'
import { AreaReport, ReportFigure } from '../lib/report-section.ts'
import { PERIOD_KINDS } from './period.ts'

const Day = z.iso.date()

const PeriodRef = z.strictObject({
  kind: z.enum(PERIOD_KINDS),
  firstDay: Day,
  lastDay: Day,
  label: z.string(),
})

/** A figure as the report shows it: the period's value against the previous one, and its trend. */
export const ReportedFigure = ReportFigure.extend({
  previous: z.number().nullable(),
  /** this − previous: percentage points for a share, else in the figure's unit. */
  delta: z.number().nullable(),
  /** delta / |previous| for an amount; null for a share and from 0. */
  relative: z.number().nullable(),
  verdict: z.enum(['better', 'worse', 'same', 'neutral']).nullable(),
  /** Met, missed or no target; null without a target or a value. */
  onTarget: z.boolean().nullable(),
  /** The last periods' values, oldest first, this period last (`Report.trend` names them). */
  trend: z.array(z.number().nullable()),
})
export type ReportedFigure = z.infer<typeof ReportedFigure>

export const ReportSection = AreaReport.extend({ figures: z.array(ReportedFigure) })
export type ReportSection = z.infer<typeof ReportSection>

export const ReportSummary = z.strictObject({
  text: z.string(),
  highlights: z.array(z.string()),
  risks: z.array(z.string()),
})
export type ReportSummary = z.infer<typeof ReportSummary>

/** A whole report: what the page shows, what a snapshot stores, what the PDF and CSV hold. */
export const Report = z.strictObject({
  title: z.string(),
  organisation: z.string(),
  timezone: z.string(),
  currency: z.string(),
  period: PeriodRef.extend({ from: z.iso.datetime(), to: z.iso.datetime() }),
  previous: PeriodRef,
  trend: z.array(PeriodRef),
  /** The figures count what was recorded up to this instant. */
  dataCutoff: z.iso.datetime(),
  /** True while the period has not ended: its figures will still change. */
  partial: z.boolean(),
  sections: z.array(ReportSection),
  summary: ReportSummary,
  /** Each figure's formula and accounting rules, from KPI_DEFINITIONS. */
  definitions: z.array(
    z.strictObject({ id: z.string(), name: z.string(), formula: z.string(), notes: z.string() }),
  ),
  /** The accounting rules the figures were computed under (RAG thresholds, calendar). */
  rules: z.array(z.strictObject({ name: z.string(), value: z.string() })),
})
export type Report = z.infer<typeof Report>
