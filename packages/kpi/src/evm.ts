import { dayNumber, dayParts, daysInMonth } from './calendar.ts'
import type { CalendarDay } from './calendar.ts'
import { ratio } from './ratio.ts'

// Money is integer pence throughout; percentComplete is a fraction in [0, 1].
export type EvmInput = { bac: number; ac: number; pv: number; percentComplete: number }

// Money figures are whole pence; indices (cpi, spi, tcpi) are unrounded. null = n/a: a division
// by zero, or a figure derived from one.
export type EvmResult = {
  bac: number
  pv: number
  ev: number
  ac: number
  cv: number
  sv: number
  cpi: number | null
  spi: number | null
  eac: number | null
  eacAtypical: number
  eacCombined: number | null
  etc: number | null
  vac: number | null
  tcpi: number | null
}

export function assertMoney(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite amount of pence`)
}

const roundOrNull = (value: number | null) => (value === null ? null : Math.round(value))

export function evm(input: EvmInput): EvmResult {
  const { bac, ac, pv, percentComplete } = input
  assertMoney('bac', bac)
  if (!(percentComplete >= 0 && percentComplete <= 1)) {
    throw new RangeError(`percentComplete must be a fraction in [0, 1], got ${percentComplete}`)
  }
  return evmFromValues({ bac, pv, ev: Math.round(bac * percentComplete), ac })
}

// −0 (e.g. TCPI = 0 / (BAC − AC) once AC > BAC = EV) would print as "-0" in some formatters.
const noNegativeZero = (value: number | null) => (value === 0 ? 0 : value)

// The same figures from EV in pence, for callers that already have it (a portfolio, a series).
export function evmFromValues(input: {
  bac: number
  pv: number
  ev: number
  ac: number
}): EvmResult {
  const { bac, pv, ev, ac } = input
  assertMoney('bac', bac)
  assertMoney('ac', ac)
  assertMoney('pv', pv)
  assertMoney('ev', ev)
  const cpi = ratio(ev, ac)
  const spi = ratio(ev, pv)
  const eac = roundOrNull(ratio(bac, cpi))
  const combinedIndex = cpi === null || spi === null ? null : cpi * spi
  const eacCombinedRest = ratio(bac - ev, combinedIndex)
  return {
    bac,
    pv,
    ev,
    ac,
    cv: ev - ac,
    sv: ev - pv,
    cpi,
    spi,
    eac,
    eacAtypical: ac + (bac - ev),
    eacCombined: eacCombinedRest === null ? null : Math.round(ac + eacCombinedRest),
    // From the rounded EAC, so that AC + ETC and BAC − VAC add up to the EAC shown.
    etc: eac === null ? null : eac - ac,
    vac: eac === null ? null : bac - eac,
    // Above 1 the remaining work must be done more cheaply than planned; negative once AC > BAC.
    tcpi: noNegativeZero(ratio(bac - ev, bac - ac)),
  }
}

// Linear plan over the project's dates, counted in calendar days with both ends inclusive and
// asOf counted as complete: PV on the start day is 1/days of BAC and on the end day all of it.
export function plannedValueLinear(args: {
  bac: number
  start: CalendarDay
  end: CalendarDay
  asOf: CalendarDay
}): number {
  assertMoney('bac', args.bac)
  const start = dayNumber(args.start)
  const end = dayNumber(args.end)
  if (end < start) throw new RangeError('end is before start')
  const elapsed = Math.min(Math.max(dayNumber(args.asOf) - start + 1, 0), end - start + 1)
  return Math.round((args.bac * elapsed) / (end - start + 1))
}

export type MonthlyPlanEntry = {
  // 'YYYY-MM', or the month's first day 'YYYY-MM-01' as the database stores it.
  month: string
  amount: number
}

export function monthKey(month: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])(-01)?$/.test(month)) {
    throw new RangeError(`month must be YYYY-MM or YYYY-MM-01, got ${month}`)
  }
  return month.slice(0, 7)
}

// Baseline plan to date: every month before asOf's month in full, plus asOf's month pro rata by
// days with asOf counted as complete (10 March = 10/31 of March).
export function plannedValueFromBaseline(
  monthlyPlan: readonly MonthlyPlanEntry[],
  asOf: CalendarDay,
): number {
  const { year, month, day } = dayParts(asOf)
  const current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
  const share = day / daysInMonth(year, month)
  let total = 0
  for (const entry of monthlyPlan) {
    assertMoney('amount', entry.amount)
    const key = monthKey(entry.month)
    if (key < current) total += entry.amount
    else if (key === current) total += entry.amount * share
  }
  return Math.round(total)
}

// PV as of a day: the baseline plan when the project has one, otherwise linear over its dates.
export function plannedValue(args: {
  bac: number
  start: CalendarDay
  end: CalendarDay
  baseline: readonly MonthlyPlanEntry[]
  asOf: CalendarDay
}): number {
  const { bac, start, end, baseline, asOf } = args
  return baseline.length > 0
    ? plannedValueFromBaseline(baseline, asOf)
    : plannedValueLinear({ bac, start, end, asOf })
}

// What a project is forecast to cost: its typical EAC, or, while that is n/a (no cost yet, or no
// progress to measure the cost against), its budget. Portfolio forecasts sum this.
export function forecastCost(figures: Pick<EvmResult, 'bac' | 'eac'>): number {
  return figures.eac ?? figures.bac
}
