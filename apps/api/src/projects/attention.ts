import { type EvmResult, evmSeries, forecastFinish, rag, ratio } from '@opsdeck/kpi'
import type { AttentionItem, AttentionProvider } from '../lib/attention.ts'
import { localDay } from '../lib/calendar.ts'
import { dayInWords } from '../lib/phrases.ts'
import { toInstant } from '../lib/range.ts'
import { liveRatedProjects, type RatedProject } from './portfolio/figures.ts'
import { listProjectHistories } from './queries.ts'

const DAY_MS = 86_400_000

/** Shares of BAC consumed (AC / BAC) that need a decision, highest first: overspent, nearly. */
export const BUDGET_LINES = [
  { share: 1, severity: 'critical' },
  { share: 0.8, severity: 'warning' },
] as const

/**
 * How far back a flagged project's days are worked to date its item: `since` is at the earliest
 * this many days before today, also for a project over budget or red for longer.
 */
export const HISTORY_DAYS = 400

type Day = { day: string; evm: EvmResult }

/**
 * The projects' "needs attention" items, live projects only, as of today in the organisation's
 * zone: the highest budget line crossed (100% of BAC spent critical, 80% warning); rated red
 * (critical, with the rule that set the colour); forecast by SPI to finish after the end date
 * (warning). Each dates from the day it last became so, read from the EVM day by day of the
 * projects flagged today, worked from their start or HISTORY_DAYS before today, whichever is
 * later: `since` is the later of that day and the day found (so an item standing for longer dates
 * from HISTORY_DAYS ago). The portfolio's ratings are shared with the budgets summary of the
 * same request (liveRatedProjects).
 */
export const projectsAttention: AttentionProvider = async (db, scope) => {
  const { now, org } = scope
  const zone = org.timezone
  const asOf = localDay(now, zone)
  const bound = daysBefore(asOf, HISTORY_DAYS)
  const rows = await liveRatedProjects(db, scope, asOf)
  const flagged = rows
    .map((r) => ({ r, line: budgetLine(r) }))
    .filter(({ r, line }) => line || r.rag.status === 'red' || r.finishLate)
  const histories = await listProjectHistories(db, {
    projectIds: flagged.map(({ r }) => r.project.id),
    from: bound,
    asOf,
  })
  const money = moneyInWords(org.currency)
  const items: AttentionItem[] = []
  for (const { r, line } of flagged) {
    const p = r.project
    const history = histories.get(p.id) ?? { costs: [], progress: [] }
    // From the start, or the bound: the series is empty (every since null) while the project has
    // not started.
    const days = evmSeries({
      bac: p.bac,
      baseline: p.baseline,
      start: p.startDate,
      end: p.endDate,
      from: p.startDate > bound ? p.startDate : bound,
      to: asOf,
      ...history,
    })
    const item = (severity: AttentionItem['severity'], reason: string, since: string | null) =>
      items.push({
        area: 'projects',
        severity,
        title: `${p.code}: ${p.name}`,
        reason,
        href: `/projects/${encodeURIComponent(p.code)}`,
        since: since === null ? null : toInstant(since, zone, 'start').toISOString(),
      })
    if (line) {
      const spent = `${Math.floor((r.spentShare ?? 0) * 100)}%`
      item(
        line.severity,
        `${spent} of budget spent (${money(p.ac)} of ${money(p.bac)})`,
        streakStart(days, (d) => (ratio(d.evm.ac, d.evm.bac) ?? 0) >= line.share),
      )
    }
    if (r.rag.status === 'red') {
      const red = (d: Day) => rag(d.evm, org.ragThresholds).status === 'red'
      item('critical', r.rag.reason, streakStart(days, red))
    }
    if (r.finishLate && r.forecastFinish) {
      // Days as Dates (their UTC day), read once: forecastFinish is asked again for each day.
      const [start, end] = [
        new Date(`${p.startDate}T00:00:00Z`),
        new Date(`${p.endDate}T00:00:00Z`),
      ]
      const late = (Date.parse(r.forecastFinish) - Date.parse(p.endDate)) / DAY_MS
      const finish = dayInWords(toInstant(r.forecastFinish, zone, 'start'), zone, now)
      item(
        'warning',
        `Forecast to finish ${finish}, ${late} ${late === 1 ? 'day' : 'days'} after its end date`,
        streakStart(days, (d) => {
          const f = forecastFinish({ start, end, spi: d.evm.spi })
          return f !== null && f > p.endDate
        }),
      )
    }
  }
  return items
}

function budgetLine(r: RatedProject) {
  const share = r.spentShare
  return share === null ? undefined : BUDGET_LINES.find((l) => share >= l.share)
}

/** The first day of the run of days, ending on the last, on which `holds` holds; else null. */
function streakStart(days: readonly Day[], holds: (d: Day) => boolean): string | null {
  let start: string | null = null
  for (let i = days.length - 1; i >= 0; i--) {
    const d = days[i]
    if (!d || !holds(d)) break
    start = d.day
  }
  return start
}

/** The day `count` days before `day` (`YYYY-MM-DD`). */
function daysBefore(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - count * DAY_MS).toISOString().slice(0, 10)
}

/** Whole units of the currency from minor units: `£92,000`. */
function moneyInWords(currency: string) {
  const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency })
  const minor = 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2)
  const whole = new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  })
  return (amount: number) => whole.format(Math.round(amount / minor))
}
