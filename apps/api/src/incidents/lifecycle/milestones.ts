import {
  INCIDENT_MILESTONE_LABELS,
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
  type IncidentMilestone,
  type IncidentStatus,
} from '@opsdeck/contract'

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

// Messages a reader sees under the field: its label, never the API's name. The other milestone is
// named, not timed: the API cannot know the reader's time zone, and the page shows its time beside.
const labelOf = (f: IncidentMilestone) => `${INCIDENT_MILESTONE_LABELS[f]} at`
const NOUNS: Record<IncidentMilestone, string> = {
  startedAt: 'the start',
  detectedAt: 'the detection',
  acknowledgedAt: 'the acknowledgement',
  mitigatedAt: 'the mitigation',
  resolvedAt: 'the resolution',
  closedAt: 'the close',
}

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
  const label = labelOf(field)
  if (value === null) {
    return REQUIRED_FROM[field].includes(status)
      ? `${label} cannot be cleared: the incident is ${INCIDENT_STATUS_LABELS[status].toLowerCase()}`
      : null
  }
  if (field === 'resolvedAt' && m.resolvedAt === null) {
    return `${label} is set by resolving the incident, not by a correction`
  }
  if (value > now) return `${label} must not be in the future`
  // Only the pairs that hold the corrected field: older rows out of order elsewhere stay as they are.
  if (field === 'startedAt') {
    const first = AFTER_START.find((f) => (m[f] ?? value) < value)
    return first ? `${label} must not be after ${NOUNS[first]}` : null
  }
  if (value < m.startedAt) return `${label} must not be before ${NOUNS.startedAt}`
  if (field === 'resolvedAt') {
    const last = BEFORE_RESOLUTION.find((f) => (m[f] ?? value) > value)
    if (last) return `${label} must not be before ${NOUNS[last]}`
    if (m.closedAt !== null && value > m.closedAt) {
      return `${label} must not be after ${NOUNS.closedAt}`
    }
    return null
  }
  if (m.resolvedAt !== null && value > m.resolvedAt) {
    return `${label} must not be after ${NOUNS.resolvedAt}`
  }
  return null
}
