import {
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
  type IncidentStatus,
  judgeMove,
  type MoveRefusal,
  type MoveState,
} from '@opsdeck/contract'

/** What a transition reads of an incident. */
export interface TransitionState extends MoveState {
  acknowledgedAt: Date | null
  mitigatedAt: Date | null
  resolvedAt: Date | null
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

const rank = (s: IncidentStatus) => INCIDENT_STATUSES.indexOf(s)
const label = (s: IncidentStatus) => INCIDENT_STATUS_LABELS[s].toLowerCase()

const REASONS: Record<MoveRefusal, (state: TransitionState, to: IncidentStatus) => string> = {
  same: (_, to) => `The incident is already ${label(to)}`,
  final: () => 'The incident is closed: closed is final',
  backwards: ({ status: from }, to) => {
    const reopen = from === 'resolved' ? ' (reopen it by moving it to investigating)' : ''
    return `An incident cannot go back from ${label(from)} to ${label(to)}${reopen}`
  },
  not_resolved: () => 'Only a resolved incident can be closed',
  review_needed: ({ severity }) =>
    `A ${severity} incident needs a completed post-incident review before it is closed`,
}

/**
 * The move of an incident from its status to `to` at `now`, or why it is illegal: which moves are
 * legal is the shared rule (judgeMove in @opsdeck/contract, which the SPA's buttons follow too).
 * Each move sets the milestones it implies that are still unset.
 */
export function transition(
  state: TransitionState,
  to: IncidentStatus,
  now: Date,
): TransitionOutcome {
  const move = judgeMove(state, to)
  if (!move.ok) return { ok: false, reason: REASONS[move.refusal](state, to) }
  switch (move.kind) {
    case 'reopen':
      return { ok: true, set: { resolvedAt: null }, reopened: true }
    case 'back':
      // A fix that did not hold: the team goes back to work on it; the milestones already set stay.
      return { ok: true, set: {}, reopened: false }
    case 'close':
      return { ok: true, set: { closedAt: now }, reopened: false }
    case 'forward': {
      const set: MilestoneChanges = {}
      if (state.acknowledgedAt === null) set.acknowledgedAt = now
      if (rank(to) >= rank('monitoring') && state.mitigatedAt === null) set.mitigatedAt = now
      if (to === 'resolved') set.resolvedAt = now
      return { ok: true, set, reopened: false }
    }
  }
}
