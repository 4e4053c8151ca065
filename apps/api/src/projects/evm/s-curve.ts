import { type EvmResult, type MonthlyPlanEntry, plannedValue } from '@opsdeck/kpi'
import type { ProjectEvm } from './schemas.ts'

// The project detail page's monthly series: PV from kpi's plannedValue at each month's end, EV and
// AC read off the daily series (evmSeries) at the month's end or asOf, the EAC line joining AC at
// asOf to EAC at the end month.

/** Months 'YYYY-MM' from `first` to `last` inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = []
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m)
  return out
}

function addMonths(month: string, n: number): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1))
  return d.toISOString().slice(0, 7)
}

/** The month's last day, 'YYYY-MM-DD'. */
export function monthEnd(month: string): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
  return d.toISOString().slice(0, 10)
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7))

export function monthlySeries(args: {
  project: { startDate: string; endDate: string }
  asOf: string
  bac: number
  plan: readonly MonthlyPlanEntry[]
  /** Version 1's plan when the project was re-baselined, else null. */
  originalPlan: readonly MonthlyPlanEntry[] | null
  /** EVM per day over [min(start, asOf), asOf]. */
  series: readonly { day: string; evm: EvmResult }[]
  figures: Pick<EvmResult, 'ac' | 'eac'>
  actualByMonth: ReadonlyMap<string, number>
}): Pick<ProjectEvm, 'sCurve' | 'monthly'> {
  const { project, asOf, bac, figures } = args
  const start = project.startDate
  const end = project.endDate
  const pvOf = (baseline: readonly MonthlyPlanEntry[], day: string) =>
    plannedValue({ bac, start, end, baseline, asOf: day })
  const byDay = new Map(args.series.map((d) => [d.day, d.evm]))
  const asOfMonth = asOf.slice(0, 7)
  const endMonth = end.slice(0, 7)
  const months = monthsBetween(start.slice(0, 7), endMonth > asOfMonth ? endMonth : asOfMonth)

  let previousPv = pvOf(args.plan, monthEnd(addMonths(start.slice(0, 7), -1)))
  const sCurve: ProjectEvm['sCurve'] = []
  const monthly: ProjectEvm['monthly'] = []
  for (const month of months) {
    const last = monthEnd(month)
    const pv = pvOf(args.plan, last)
    const reached = month <= asOfMonth ? byDay.get(last < asOf ? last : asOf) : undefined
    sCurve.push({
      month,
      pv,
      pvOriginal: args.originalPlan === null ? null : pvOf(args.originalPlan, last),
      ev: reached?.ev ?? null,
      ac: reached?.ac ?? null,
      eacForecast: eacLine(month, asOfMonth, endMonth, figures),
    })
    monthly.push({ month, planned: pv - previousPv, actual: args.actualByMonth.get(month) ?? 0 })
    previousPv = pv
  }
  return { sCurve, monthly }
}

// Linear by month from AC in asOf's month to EAC in the end month; null outside those months, and
// throughout while EAC is n/a.
function eacLine(
  month: string,
  asOfMonth: string,
  endMonth: string,
  { ac, eac }: Pick<EvmResult, 'ac' | 'eac'>,
): number | null {
  if (eac === null || month < asOfMonth || month > endMonth) return null
  const span = monthIndex(endMonth) - monthIndex(asOfMonth)
  if (span === 0) return eac
  return Math.round(ac + ((eac - ac) * (monthIndex(month) - monthIndex(asOfMonth))) / span)
}
