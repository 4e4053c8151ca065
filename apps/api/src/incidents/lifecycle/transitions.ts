import {
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
  type IncidentStatus,
  type Severity,
} from '@opsdeck/contract'

/** What a transition reads of an incident. */
export interface TransitionState {
  status: IncidentStatus
  severity: Severity
  acknowledgedAt: Date | null
  mitigatedAt: Date | null
  resolvedAt: Date | null
  /** Its post-incident review is completed (incident_reviews.completed_at set). */
  reviewCompleted: boolean
}

/** The milestone columns a transition writes; a key left out keeps its value. */
export interface MilestoneChanges {
  acknowledgedAt?: Date
  mitigatedAt?: Date
  resolvedAt?: Date | null
  closedAt?: Date
}

export type TransitionOutcome =
  { ok: true; set: MilestoneChanges; reopened: boolean } | { ok: false; reason: string }

// An open incident may go back to these; not to triggered or acknowledged, which it has passed.
const BACK_TO: readonly IncidentStatus[] = ['investigating', 'identified']

// A review is required before closing these.
const REVIEW_REQUIRED: readonly Severity[] = ['SEV1', 'SEV2']

const rank = (s: IncidentStatus) => INCIDENT_STATUSES.indexOf(s)
const label = (s: IncidentStatus) => INCIDENT_STATUS_LABELS[s].toLowerCase()

/**
 * The move of an incident from its status to `to` at `now`, or why it is illegal. Forward moves
 * may skip steps (an alert that clears itself goes triggered → resolved); resolved → investigating
 * reopens it; an open incident may go back to investigating or identified; closed is final. Each move sets the milestones it implies that are still unset.
 */
export function transition(
  state: TransitionState,
  to: IncidentStatus,
  now: Date,
): TransitionOutcome {
  const from = state.status
  if (from === to) return { ok: false, reason: `The incident is already ${label(to)}` }
  if (from === 'closed') return { ok: false, reason: 'The incident is closed: closed is final' }
  if (from === 'resolved' && to === 'investigating') {
    return { ok: true, set: { resolvedAt: null }, reopened: true }
  }
  // A fix that did not hold: the team goes back to work on it; the milestones already set stay.
  if (rank(to) < rank(from) && from !== 'resolved' && BACK_TO.includes(to)) {
    return { ok: true, set: {}, reopened: false }
  }
  if (rank(to) < rank(from)) {
    const reopen = from === 'resolved' ? ' (reopen it by moving it to investigating)' : ''
    return {
      ok: false,
      reason: `An incident cannot go back from ${label(from)} to ${label(to)}${reopen}`,
    }
  }
  if (to === 'closed') {
    if (from !== 'resolved') return { ok: false, reason: 'Only a resolved incident can be closed' }
    if (REVIEW_REQUIRED.includes(state.severity) && !state.reviewCompleted) {
      return {
        ok: false,
        reason: `A ${state.severity} incident needs a completed post-incident review before it is closed`,
      }
    }
    return { ok: true, set: { closedAt: now }, reopened: false }
  }
  const set: MilestoneChanges = {}
  if (state.acknowledgedAt === null) set.acknowledgedAt = now
  if (rank(to) >= rank('monitoring') && state.mitigatedAt === null) set.mitigatedAt = now
  if (to === 'resolved') set.resolvedAt = now
  return { ok: true, set, reopened: false }
}
