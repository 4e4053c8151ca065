import { errorBudgetFromSamples } from '@opsdeck/kpi'
import type { AttentionItem, AttentionProvider } from '../lib/attention.ts'
import {
  dayInWords,
  durationInWords,
  elapsedInWords,
  percentInWords,
  timesInWords,
} from '../lib/phrases.ts'
import { listAlerts, type SloAlert } from './alert-queries.ts'
import { listServiceAttentionFacts, type ServiceAttentionFacts } from './attention-queries.ts'

const DAY_MINUTES = 1440
const MINUTE_MS = 60_000

/**
 * The services' "needs attention" items, at most one per service per reason: down now
 * (critical); a burn-rate alert firing (page critical, ticket warning); the error budget of its
 * rolling SLO window spent (critical) or, at the window's burn rate, running out within the next
 * window (warning); no current status while its checks are enabled (warning).
 */
export const servicesAttention: AttentionProvider = async (db, { now, org }) => {
  const [services, alerts] = await Promise.all([
    listServiceAttentionFacts(db, now, org.dailyRollupTimezone),
    listAlerts(db, { openOnly: true }),
  ])
  const items: AttentionItem[] = []
  for (const s of services) {
    const item = (severity: AttentionItem['severity'], reason: string, since: Date | null) =>
      items.push({
        area: 'services',
        severity,
        title: s.name,
        reason,
        href: `/services/${encodeURIComponent(s.slug)}`,
        since: since?.toISOString() ?? null,
      })
    if (s.status === 'down') {
      item('critical', `Down for ${elapsedInWords(s.downSince ?? now, now)}`, s.downSince)
    }
    const alert = firingAlert(alerts.filter((a) => a.serviceId === s.id))
    if (alert) {
      item(
        alert.severity === 'page' ? 'critical' : 'warning',
        alertReason(alert.top, s.sloWindowDays),
        alert.since,
      )
    }
    const budget = budgetProblem(s, now, org.timezone)
    if (budget) item(budget.severity, budget.reason, null)
    if (s.status === 'unknown' && s.checkEnabled) {
      const reason = s.lastSampleAt
        ? `No check results for ${elapsedInWords(s.lastSampleAt, now)}`
        : 'No check results received yet'
      item('warning', reason, s.lastSampleAt)
    }
  }
  return items
}

// A page outranks a ticket; of several rules firing at that level, the fastest burn speaks, and
// the item dates from the first of them.
function firingAlert(open: SloAlert[]) {
  const pages = open.filter((a) => a.severity === 'page')
  const level = pages.length > 0 ? pages : open
  const [first] = level
  if (!first) return null
  const top = level.reduce((a, b) => (b.longBurnRate > a.longBurnRate ? b : a), first)
  const since = level.reduce((a, b) => (b.startedAt < a.startedAt ? b : a), first).startedAt
  return { severity: first.severity, top, since }
}

/** `Page alert: burning the 30-day budget 16× (1 h), 18× (5 min)`. */
function alertReason(a: SloAlert, windowDays: number): string {
  const [long, short] = a.rule.split('/').map(windowInWords)
  const level = a.severity === 'page' ? 'Page' : 'Ticket'
  return (
    `${level} alert: burning the ${windowDays}-day budget ${timesInWords(a.longBurnRate)}` +
    ` (${long ?? a.rule}), ${timesInWords(a.shortBurnRate)} (${short ?? a.rule})`
  )
}

/** A rule's window as written in slo_alerts ('1h', '5m', '3d') in words. */
function windowInWords(w: string): string {
  const m = /^(\d+)([mhd])$/.exec(w)
  if (!m) return w
  return `${m[1]} ${{ m: 'min', h: 'h', d: 'd' }[m[2] as 'm' | 'h' | 'd']}`
}

function budgetProblem(s: ServiceAttentionFacts, now: Date, timezone: string) {
  const windowMinutes = s.sloWindowDays * DAY_MINUTES
  // A rolling window has wholly elapsed: the same budget, burn rate and date as the Services pages.
  const b = errorBudgetFromSamples({
    target: s.sloTarget,
    windowMinutes,
    elapsedMinutes: windowMinutes,
    down: s.down,
    counted: s.up + s.degraded + s.down,
    intervalSeconds: s.intervalSeconds,
    now,
  })
  // Not observed: the "no check results" item speaks for it.
  if (b.consumedMinutes === null) return null
  const window = `the last ${s.sloWindowDays} days`
  if (b.consumedMinutes > 0 && b.remainingMinutes <= 0) {
    return {
      severity: 'critical' as const,
      reason:
        `Error budget spent: ${durationInWords(b.consumedMinutes)} down in ${window}, ` +
        `${durationInWords(b.allowedMinutes)} allowed by the ${percentInWords(s.sloTarget)} SLO`,
    }
  }
  // At the window's burn rate the rest runs out within the next window: over a rolling window,
  // that is when more than half of the budget is spent.
  if (b.exhaustsAt && b.exhaustsAt.getTime() < now.getTime() + windowMinutes * MINUTE_MS) {
    const spent = percentInWords(b.consumedMinutes / b.allowedMinutes, 0)
    return {
      severity: 'warning' as const,
      reason:
        `Error budget projected to run out on ${dayInWords(b.exhaustsAt, timezone, now)} ` +
        `at the ${s.sloWindowDays}-day burn rate (${spent} of it spent)`,
    }
  }
  return null
}
