import { z } from 'zod'

// The shape each area gives the stakeholder report for one period: figures (one number each, with
// what is good news and its target) and tables. Generic on purpose: the report page, the PDF, the
// CSV export, snapshot comparison and the trend all read any area's section the same way. Areas
// build it in `<area>/report.ts`; `reports/` adds the previous period, the change and the trend.

/**
 * How a value is shown: a share is a fraction (0.9993 → 99.93%, changes in points); money is in
 * minor units (pence) of the organisation's currency; an index is a plain ratio (CPI 0.82).
 */
export const REPORT_UNITS = ['share', 'count', 'minutes', 'hours', 'money', 'index'] as const
export const ReportUnit = z.enum(REPORT_UNITS)
export type ReportUnit = z.infer<typeof ReportUnit>

export const ReportFigure = z.strictObject({
  /** Stable within its area ("availability.tier1"): snapshots are compared and trended by it. */
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  unit: ReportUnit,
  /** Whether a rise is good news. */
  better: z.enum(['higher', 'lower', 'neither']),
  /** In the figure's unit; null when the figure has none. */
  target: z.number().nullable(),
  /** Which side of the target is met: 'min' (at least, uptime) or 'max' (at most, MTTR). */
  targetKind: z.enum(['min', 'max']).nullable(),
  /** A `KPI_DEFINITIONS` id: the formula behind the figure, for the tooltip and the appendix. */
  definition: z.string().nullable(),
  /** One line of context ("12 of 14 services met their SLO"). */
  note: z.string().nullable(),
})
export type ReportFigure = z.infer<typeof ReportFigure>

export const ReportCell = z.union([z.string(), z.number(), z.null()])
export type ReportCell = z.infer<typeof ReportCell>

export const ReportTable = z.strictObject({
  key: z.string(),
  title: z.string(),
  columns: z.array(
    z.strictObject({
      key: z.string(),
      label: z.string(),
      /** 'text' and 'day' cells are strings; the rest numbers in the figure units. */
      unit: z.enum([...REPORT_UNITS, 'text', 'day']),
    }),
  ),
  rows: z.array(z.record(z.string(), ReportCell)),
  /** What an empty table says ("No major incidents"). */
  empty: z.string(),
})
export type ReportTable = z.infer<typeof ReportTable>

export const REPORT_AREAS = ['services', 'incidents', 'projects', 'capacity'] as const
export type ReportArea = (typeof REPORT_AREAS)[number]

export const AreaReport = z.strictObject({
  area: z.enum(REPORT_AREAS),
  title: z.string(),
  figures: z.array(ReportFigure),
  tables: z.array(ReportTable),
})
export type AreaReport = z.infer<typeof AreaReport>

/**
 * How much of a section to make: the trend's earlier periods need the figures alone, so an area
 * may skip the queries behind its tables and notes (`detail: false`) there.
 */
export interface SectionOptions {
  detail: boolean
}

/** A figure with no target and no note, for brevity in the areas' builders. */
export function figure(
  f: Pick<ReportFigure, 'key' | 'label' | 'value' | 'unit' | 'better' | 'definition'> &
    Partial<Pick<ReportFigure, 'target' | 'targetKind' | 'note'>>,
): ReportFigure {
  return { target: null, targetKind: null, note: null, ...f }
}
