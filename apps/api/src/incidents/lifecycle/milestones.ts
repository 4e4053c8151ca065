import { INCIDENT_STATUSES, type IncidentStatus } from '@opsdeck/contract'

/** The milestones a manager may correct after the fact. */
export const CORRECTABLE_MILESTONES = [
  'startedAt',
  'detectedAt',
  'acknowledgedAt',
  'mitigatedAt',
  'resolvedAt',
] as const
export type Milestone = (typeof CORRECTABLE_MILESTONES)[number]

export interface Milestones {
  startedAt: Date
  detectedAt: Date | null
  acknowledgedAt: Date | null
  mitigatedAt: Date | null
  resolvedAt: Date | null
  closedAt: Date | null
}

// The milestones that come after the start, and those that come before the resolution.
const AFTER_START = ['detectedAt', 'acknowledgedAt', 'mitigatedAt', 'resolvedAt'] as const
const BEFORE_RESOLUTION = ['detectedAt', 'acknowledgedAt', 'mitigatedAt'] as const

// The statuses that imply each milestone happened: it cannot be cleared while in one of them.
const REQUIRED_FROM: Record<Milestone, readonly IncidentStatus[]> = {
  startedAt: INCIDENT_STATUSES,
  detectedAt: [],
  acknowledgedAt: [
    'acknowledged',
    'investigating',
    'identified',
    'monitoring',
    'resolved',
    'closed',
  ],
  mitigatedAt: ['monitoring', 'resolved', 'closed'],
  resolvedAt: ['resolved', 'closed'],
}

const iso = (d: Date) => d.toISOString()

/**
 * Why setting `field` to `value` would leave the milestones out of order, or null when it would
 * not: the start comes first, the resolution after the rest, none in the future; a milestone the
 * status implies is never cleared, and an open incident gets its resolution from a transition.
 */
export function correctionProblem(
  m: Milestones,
  status: IncidentStatus,
  field: Milestone,
  value: Date | null,
  now: Date,
): string | null {
  if (value === null) {
    return REQUIRED_FROM[field].includes(status)
      ? `${field} cannot be cleared: the incident is ${status}`
      : null
  }
  if (field === 'resolvedAt' && m.resolvedAt === null) {
    return 'resolvedAt is set by resolving the incident (a transition), not by a correction'
  }
  if (value > now) return `${field} must not be in the future`
  // Only the pairs that hold the corrected field: older rows out of order elsewhere stay as they are.
  if (field === 'startedAt') {
    const first = AFTER_START.map((f) => [f, m[f]] as const).find(([, at]) => at && at < value)
    return first ? `startedAt must not be after ${first[0]} (${iso(first[1]!)})` : null
  }
  if (value < m.startedAt) return `${field} must not be before startedAt (${iso(m.startedAt)})`
  if (field === 'resolvedAt') {
    const last = BEFORE_RESOLUTION.map((f) => [f, m[f]] as const).find(([, at]) => at && at > value)
    if (last) return `resolvedAt must not be before ${last[0]} (${iso(last[1]!)})`
    if (m.closedAt !== null && value > m.closedAt) {
      return `resolvedAt must not be after closedAt (${iso(m.closedAt)})`
    }
    return null
  }
  if (m.resolvedAt !== null && value > m.resolvedAt) {
    return `${field} must not be after resolvedAt (${iso(m.resolvedAt)})`
  }
  return null
}
