import { formatDate } from '../../lib/format.ts'
import { budgetMinutesText, budgetText, burnRateText } from './budget.ts'
import type { ServiceSeries } from './queries.ts'

// The error-budget burn-down: the share of the budget left over the rolling SLO window, and from
// now on a straight projection at the window's burn rate to the day it runs out.

type Budget = ServiceSeries['budget']

export interface BurnDown {
  /** Time (ms) → budget left in % of allowed; `projected` only on the projection's two ends. */
  data: { t: number; remaining: number | null; projected: number | null }[]
  domain: [number, number]
  /** When the projection reaches 0 within the chart, for its marker; else null. */
  exhaustsAt: number | null
}

/**
 * The chart looks ahead a quarter of the window at most: a budget that lasts longer ends its
 * projection at the chart's edge, at the share it will have then (the summary gives the date).
 */
export function burnDown(budget: Budget): BurnDown {
  const from = Date.parse(budget.from)
  const to = Date.parse(budget.to)
  const horizon = to + (to - from) / 4
  const data: BurnDown['data'] = budget.points.map((p) => ({
    t: Date.parse(p.at),
    remaining: p.remainingShare === null ? null : p.remainingShare * 100,
    projected: null,
  }))
  const last = budget.points.at(-1)
  const exhausts = budget.exhaustsAt === null ? null : Date.parse(budget.exhaustsAt)
  const start = last?.remainingShare ?? null
  // Nothing to project when nothing burns, or the budget is already spent (it ran out by now).
  if (start === null || exhausts === null || exhausts <= to || start <= 0) {
    return { data, domain: [from, to], exhaustsAt: null }
  }
  const end = Math.min(exhausts, horizon)
  const share = start * (1 - (end - to) / (exhausts - to))
  const lastPoint = data.at(-1)
  if (lastPoint) lastPoint.projected = lastPoint.remaining
  data.push({ t: end, remaining: null, projected: share * 100 })
  return { data, domain: [from, end], exhaustsAt: exhausts <= horizon ? exhausts : null }
}

/** Y axis in % of the allowed budget: 0–100, lower when overspent (rounded to 25s). */
export function burnDownYDomain(data: BurnDown['data']): [number, number] {
  const lowest = Math.min(0, ...data.map((d) => d.remaining ?? 0))
  return [Math.floor(lowest / 25) * 25, 100]
}

/** The burn-down in words: what is left, the burn rate, and when it runs out at that rate. */
export function burnDownSummary(budget: Budget, windowDays: number): string {
  const last = budget.points.at(-1)
  const share = last?.remainingShare ?? null
  const left =
    last === undefined
      ? 'no figures yet'
      : `${budgetText(share)} (${budgetMinutesText(last.remainingMinutes, budget.allowedMinutes)})`
  const head = `Error budget over the ${windowDays}-day SLO window: ${left}.`
  if (last === undefined) return `${head} Burn rate n/a: no samples in the window.`
  if (budget.exhaustsAt === null) return `${head} Not burning: no downtime is being charged.`
  if (share !== null && share <= 0) return `${head} Spent.`
  return `${head} Burn rate ${burnRateText(budget.burnRate)}: at this rate it runs out on ${formatDate(budget.exhaustsAt)}.`
}
