import { INCIDENT_STATUS_LABELS, SEVERITY_LABELS } from '@opsdeck/contract'
import { formatDuration } from '../../lib/format.ts'
import type { IncidentListItem, MilestoneTarget, ResponseTargets } from './queries.ts'

// One incident as a row of the list: what a manager scans for (how bad, how long, who leads it,
// which targets are breached and how long is left to the next one), in words, not colour alone.

export const MILESTONE_NAMES = { ack: 'Acknowledge', resolve: 'Resolve' } as const
type TargetKey = keyof typeof MILESTONE_NAMES

export interface NextTarget {
  /** Which milestone is due next. */
  milestone: (typeof MILESTONE_NAMES)[TargetKey]
  /** `12m left`, `1h 5m overdue`. */
  text: string
  overdue: boolean
}

export interface IncidentRow {
  ref: string
  title: string
  severity: IncidentListItem['severity']
  severityLabel: string
  status: string
  open: boolean
  /** Its age while open, how long it lasted once resolved. */
  age: string
  commander: string | null
  /** `Payroll (outage), Finance ERP (degraded)`. */
  services: string
  /** Its severity has response targets. */
  hasTargets: boolean
  /** The targets it breached, in the order they fall due. */
  breaches: NextTarget['milestone'][]
  /** The target an open incident still has to meet; null once resolved or without targets. */
  next: NextTarget | null
}

/** The targets breached: missed, or past due and not yet reached. */
export function breachesOf(targets: ResponseTargets | null): NextTarget['milestone'][] {
  if (!targets) return []
  return (['ack', 'resolve'] as const)
    .filter((key) => targets[key].state === 'breached')
    .map((key) => MILESTONE_NAMES[key])
}

/** The first milestone not reached yet, with the time left to its target (negative: overdue). */
export function nextTarget(
  targets: ResponseTargets | null,
  reached: { acknowledged: boolean; resolved: boolean },
): NextTarget | null {
  if (!targets || reached.resolved) return null
  const key: TargetKey = reached.acknowledged ? 'resolve' : 'ack'
  return timeLeft(key, targets[key])
}

function timeLeft(key: TargetKey, target: MilestoneTarget): NextTarget | null {
  if (target.leftMinutes === null) return null
  const overdue = target.leftMinutes < 0
  const text = overdue
    ? `${formatDuration(-target.leftMinutes)} overdue`
    : `${formatDuration(target.leftMinutes)} left`
  return { milestone: MILESTONE_NAMES[key], text, overdue }
}

export const servicesText = (services: IncidentListItem['services']) =>
  services.map((s) => `${s.name} (${s.impact})`).join(', ')

/** The row the list shows for one incident. */
export function toIncidentRow(item: IncidentListItem): IncidentRow {
  const open = item.resolvedAt === null
  return {
    ref: item.ref,
    title: item.title,
    severity: item.severity,
    severityLabel: SEVERITY_LABELS[item.severity],
    status: INCIDENT_STATUS_LABELS[item.status],
    open,
    age: open
      ? `${formatDuration(item.durationMinutes)} open`
      : `lasted ${formatDuration(item.durationMinutes)}`,
    commander: item.commander?.name ?? null,
    services: servicesText(item.services),
    hasTargets: item.responseTargets !== null,
    breaches: breachesOf(item.responseTargets),
    next: nextTarget(item.responseTargets, {
      acknowledged: item.acknowledgedAt !== null,
      resolved: !open,
    }),
  }
}

/** Each owner team once, by name, from the services an incident may affect. */
export function teamsOf(services: readonly { team: { slug: string; name: string } | null }[]) {
  const teams = new Map<string, string>()
  for (const s of services) if (s.team) teams.set(s.team.slug, s.team.name)
  return [...teams]
    .map(([slug, name]) => ({ slug, name }))
    .sort((a, b) => a.name.localeCompare(b.name))
}
