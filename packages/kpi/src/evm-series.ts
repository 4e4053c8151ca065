import { dayNumber, dayParts, daysInMonth } from './calendar.ts'
import { assertMoney, evmFromValues, monthKey, plannedValueLinear } from './evm.ts'
import type { EvmResult, MonthlyPlanEntry } from './evm.ts'
import { isoDay } from './evm-burn.ts'

type Dated<T> = { n: number; value: T }

// Entries by day number, oldest first (stable, so the later of two on one day is last).
function byDay<T>(rows: readonly { day: string }[], value: (i: number) => T): Dated<T>[] {
  return rows.map((r, i) => ({ n: dayNumber(r.day), value: value(i) })).sort((a, b) => a.n - b.n)
}

// PV from a baseline for consecutive days in O(months + days): the months before the day's month
// summed once per month, then its month pro rata, as plannedValueFromBaseline adds them.
function baselineByMonth(baseline: readonly MonthlyPlanEntry[]) {
  const months = new Map<string, number>()
  for (const entry of baseline) {
    assertMoney('amount', entry.amount)
    const key = monthKey(entry.month)
    months.set(key, (months.get(key) ?? 0) + entry.amount)
  }
  const keys = [...months.keys()].sort()
  let next = 0
  let before = 0
  return (key: string, share: number) => {
    for (; next < keys.length && (keys[next] ?? '') < key; next++) {
      before += months.get(keys[next] ?? '') ?? 0
    }
    return Math.round(before + (months.get(key) ?? 0) * share)
  }
}

/**
 * EVM for each calendar day from `from` to `to` inclusive (none when `to` is before `from`): PV by
 * the plan as plannedValue gives it, AC the costs dated on or before the day (before `from` too),
 * EV from the latest progress on or before it. percentComplete is a percentage, 0–100, as the
 * database stores it (not evm()'s fraction). One pass over days, costs and progress.
 */
export function evmSeries(args: {
  bac: number
  start: string
  end: string
  baseline: readonly MonthlyPlanEntry[]
  from: string
  to: string
  costs: readonly { day: string; amount: number }[]
  progress: readonly { day: string; percentComplete: number }[]
}): { day: string; evm: EvmResult }[] {
  const { bac, start, end, baseline } = args
  assertMoney('bac', bac)
  const costs = byDay(args.costs, (i) => args.costs[i]?.amount ?? 0)
  for (const c of costs) assertMoney('amount', c.value)
  const progress = byDay(args.progress, (i) => args.progress[i]?.percentComplete ?? 0)
  for (const p of progress) {
    if (!(p.value >= 0 && p.value <= 100)) {
      throw new RangeError(`percentComplete must be a percentage in [0, 100], got ${p.value}`)
    }
  }
  const planned = baseline.length > 0 ? baselineByMonth(baseline) : null
  const out: { day: string; evm: EvmResult }[] = []
  let ac = 0
  let c = 0
  let percent = 0
  let p = 0
  for (let n = dayNumber(args.from), last = dayNumber(args.to); n <= last; n++) {
    const day = isoDay(n)
    for (; c < costs.length && (costs[c]?.n ?? Infinity) <= n; c++) ac += costs[c]?.value ?? 0
    for (; p < progress.length && (progress[p]?.n ?? Infinity) <= n; p++) {
      percent = progress[p]?.value ?? 0
    }
    let pv: number
    if (planned === null) pv = plannedValueLinear({ bac, start, end, asOf: day })
    else {
      const { year, month, day: d } = dayParts(day)
      pv = planned(day.slice(0, 7), d / daysInMonth(year, month))
    }
    // As evm({ percentComplete: percent / 100 }) computes it, so a day here equals the API's figure.
    const ev = Math.round(bac * (percent / 100))
    out.push({ day, evm: evmFromValues({ bac, pv, ev, ac }) })
  }
  return out
}
