import { formatDate, formatInstant } from '../../lib/format.ts'
import { latencyText } from './budget.ts'
import type { ServiceDetail } from './queries.ts'

// Pure shaping of one service's detail: which window is which, and the sentences beside figures.

type Window = ServiceDetail['windows'][number]
export type WindowId = Window['window']

export const windowOf = (detail: ServiceDetail, id: WindowId): Window | undefined =>
  detail.windows.find((w) => w.window === id)

/** The KPIs over the service's SLO window (7, 30 or 90 days), when the API sends that window. */
export function sloWindow(detail: ServiceDetail): Window | undefined {
  const id = `${detail.service.slo.windowDays}d`
  return detail.windows.find((w) => w.window === id)
}

/** `+0.041 pts`, `−0.120 pts`: uptime minus target in percentage points. */
export function marginText(margin: number): string {
  const points = margin * 100
  const sign = points >= 0 ? '+' : '−'
  return `${sign}${Math.abs(points).toFixed(3)} pts`
}

/** `Met`, `Missed` or n/a, with its margin. */
export function attainmentText(attainment: Window['sloAttainment'] | undefined) {
  if (!attainment) return { value: 'n/a', note: 'no data in the window', met: null }
  return {
    value: attainment.met ? 'Met' : 'Missed',
    note: `${marginText(attainment.margin)} against target`,
    met: attainment.met,
  }
}

/** When the budget runs out: a date, "already spent", "not at this rate", or n/a without data. */
export function exhaustionText(budget: ServiceDetail['errorBudget'], now: string): string {
  // No sample in the window: nothing is known to burn, which is not "not burning".
  if (budget.burnRate === null) return 'n/a'
  if (budget.exhaustsAt === null) return 'Not at this rate'
  if (Date.parse(budget.exhaustsAt) <= Date.parse(now)) return 'Already spent'
  return formatDate(budget.exhaustsAt)
}

/** The newest check in one line: "27 Nov 2026, 14:02 · down · 5.0 s · HTTP 503 · timeout". */
export function lastCheckText(last: ServiceDetail['status']['lastSample']): string {
  if (!last) return 'No check has reported yet.'
  const parts = [
    formatInstant(last.at),
    last.inMaintenance ? `${last.status} (in maintenance)` : last.status,
  ]
  if (last.latencyMs !== null) parts.push(latencyText(last.latencyMs))
  if (last.httpStatus !== null) parts.push(`HTTP ${last.httpStatus}`)
  if (last.error) parts.push(last.error)
  return parts.join(' · ')
}

/** The check as a person reads it: `GET https://… expecting 200, 204` or `TCP host:443`. */
export function checkTarget(check: ServiceDetail['check']): string {
  if (check.kind === 'tcp') return `TCP ${check.host ?? '?'}:${check.port ?? '?'}`
  const keyword = check.keyword ? `, body containing “${check.keyword}”` : ''
  return `${check.method} ${check.url ?? '(no URL)'} expecting ${check.expectedStatuses.join(', ')}${keyword}`
}

/** Seconds as `30 s`, `5 min`, `1 h`. */
export function secondsText(seconds: number): string {
  if (seconds < 60 || seconds % 60 !== 0) return `${seconds} s`
  if (seconds < 3600 || seconds % 3600 !== 0) return `${seconds / 60} min`
  return `${seconds / 3600} h`
}

const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' })

/** A window as `3 Dec 2026, 02:00–04:00`, or with both dates when it spans midnight. */
export function windowText(startsAt: string, endsAt: string): string {
  const start = formatInstant(startsAt)
  const end = formatInstant(endsAt)
  if (formatDate(startsAt) !== formatDate(endsAt)) return `${start} – ${end}`
  return `${start}–${timeOnly.format(new Date(endsAt))}`
}
