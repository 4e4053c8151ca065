import { INCIDENT_STATUS_LABELS, type Severity } from '@opsdeck/contract'
import { type MilestoneStatus, type ResponseTarget, responseTargetStatus } from '@opsdeck/kpi'
import type { AttentionItem, AttentionProvider } from '../lib/attention.ts'
import { addWorkingDays, localDay } from '../lib/calendar.ts'
import { dayInWords, durationInWords, elapsedInWords } from '../lib/phrases.ts'
import { toInstant } from '../lib/range.ts'
import {
  listBankHolidaysFrom,
  listOpenIncidents,
  listOverdueFollowUps,
  listUnreviewedIncidents,
} from './attention-queries.ts'
import { listResponseTargets } from './targets/queries.ts'

const MINUTE_MS = 60_000

/** Open incidents of these severities are on the list for as long as they are open. */
export const URGENT_SEVERITIES: readonly Severity[] = ['SEV1', 'SEV2']

/**
 * A response target is about to be missed once at most this share of its time is left: the last
 * hour of a 4 h resolve target, the last 15 min of a 1 h acknowledge target. A share, not a fixed
 * number of minutes, so that it means the same from a SEV1's 5 min to a SEV4's 10 days.
 */
export const DUE_SOON_SHARE = 0.25

/** A post-incident review is due within this many working days after the day of resolution. */
export const REVIEW_WORKING_DAYS = 5

type Subject = { ref: string; title: string }

/**
 * The incidents' "needs attention" items, at most one per incident per reason: open SEV1/SEV2
 * (critical); an open incident past its acknowledge or resolve target (critical) or about to be
 * (warning); follow-ups overdue (warning); a SEV1/SEV2 (the severities that need a review to close)
 * resolved without a completed review after 5 working days (warning). Days are the organisation's, in its zone and with its bank holidays.
 */
export const incidentsAttention: AttentionProvider = async (db, { now, org }) => {
  const zone = org.timezone
  const [open, targetRows, unreviewed, followUps] = await Promise.all([
    listOpenIncidents(db),
    listResponseTargets(db),
    listUnreviewedIncidents(db),
    listOverdueFollowUps(db, localDay(now, zone)),
  ])
  const targets = new Map(targetRows.map((t) => [t.severity, t]))
  const items: AttentionItem[] = []
  const item = (
    i: Subject,
    severity: AttentionItem['severity'],
    reason: string,
    since: Date | null,
  ) =>
    items.push({
      area: 'incidents',
      severity,
      title: `${i.ref}: ${i.title}`,
      reason,
      href: `/incidents/${encodeURIComponent(i.ref)}`,
      since: since?.toISOString() ?? null,
    })
  const day = (d: string) => dayInWords(toInstant(d, zone, 'start'), zone, now)

  for (const i of open) {
    if (URGENT_SEVERITIES.includes(i.severity)) {
      const status = INCIDENT_STATUS_LABELS[i.status].toLowerCase()
      item(
        i,
        'critical',
        `${i.severity} open for ${elapsedInWords(i.startedAt, now)} (${status})`,
        i.startedAt,
      )
    }
    const target = targets.get(i.severity)
    const problem = target ? targetProblem(i, target, now) : null
    if (problem) item(i, problem.severity, problem.reason, problem.since)
  }

  for (const f of followUps) {
    const due = day(f.firstDueOn)
    const reason =
      f.overdue === 1
        ? `Follow-up “${f.firstTitle}” overdue, due ${due}`
        : `${f.overdue} follow-ups overdue, the earliest “${f.firstTitle}”, due ${due}`
    // Overdue from the start of the day after its due date.
    item(f, 'warning', reason, toInstant(f.firstDueOn, zone, 'end'))
  }

  const resolved = unreviewed.flatMap((i) =>
    i.resolvedAt ? [{ ...i, resolvedOn: localDay(i.resolvedAt, zone) }] : [],
  )
  const first = resolved.map((i) => i.resolvedOn).sort()[0]
  if (first === undefined) return items
  const holidays = await listBankHolidaysFrom(db, org.bankHolidayRegion, first)
  for (const i of resolved) {
    // Due by the end of the 5th working day after the day it was resolved.
    const dueOn = addWorkingDays(i.resolvedOn, REVIEW_WORKING_DAYS, holidays)
    const overdueFrom = toInstant(dueOn, zone, 'end')
    if (now < overdueFrom) continue
    const reason =
      `Review overdue: resolved ${day(i.resolvedOn)}, ` +
      `due by ${day(dueOn)} (${REVIEW_WORKING_DAYS} working days)`
    item(i, 'warning', reason, overdueFrom)
  }
  return items
}

const VERB = { ack: 'acknowledged', resolve: 'resolved' } as const

/**
 * The milestones not yet reached: past their target (critical, since the first was missed), or
 * else the next one within DUE_SOON_SHARE of its target (warning, since it came within it).
 * Targets already met or missed are history: nothing left to act on.
 */
function targetProblem(
  i: { startedAt: Date; acknowledgedAt: Date | null },
  target: ResponseTarget,
  now: Date,
) {
  // A start a little ahead of the server's clock is read as just started, as the list does.
  const asOf = new Date(Math.max(now.getTime(), i.startedAt.getTime()))
  const status = responseTargetStatus({ ...i, resolvedAt: null, now: asOf, target })
  const pending = (['ack', 'resolve'] as const)
    .map((key) => ({ key, m: status[key] }))
    .filter(
      (p): p is { key: 'ack' | 'resolve'; m: MilestoneStatus & { leftMinutes: number } } =>
        p.m.leftMinutes !== null,
    )
    .sort((a, b) => a.m.dueAt.getTime() - b.m.dueAt.getTime())
  const missed = pending.filter((p) => p.m.state === 'breached')
  const [firstMissed] = missed
  const lastMissed = missed.at(-1)
  if (firstMissed && lastMissed) {
    const what = missed.length > 1 ? 'Not acknowledged or resolved' : `Not ${VERB[lastMissed.key]}`
    const which = missed.length > 1 ? ` ${lastMissed.key}` : ''
    return {
      severity: 'critical' as const,
      reason:
        `${what}: ${durationInWords(-lastMissed.m.leftMinutes)} past the ` +
        `${durationInWords(lastMissed.m.targetMinutes)}${which} target`,
      since: firstMissed.m.dueAt,
    }
  }
  const soon = pending.find((p) => p.m.leftMinutes <= DUE_SOON_SHARE * p.m.targetMinutes)
  if (!soon) return null
  return {
    severity: 'warning' as const,
    reason:
      `Not ${VERB[soon.key]}: ${durationInWords(soon.m.leftMinutes)} left of the ` +
      `${durationInWords(soon.m.targetMinutes)} target`,
    since: new Date(soon.m.dueAt.getTime() - DUE_SOON_SHARE * soon.m.targetMinutes * MINUTE_MS),
  }
}
