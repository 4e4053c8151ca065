import { INCIDENT_STATUSES, type IncidentStatus, type Severity } from '@opsdeck/contract'

// The status moves a manager is offered: the API's lifecycle (apps/api/src/incidents/lifecycle/
// transitions.ts) read from the other side, so only legal buttons show. moves.test.ts checks every
// status, severity and review state against the API's own function, so the two cannot drift.

export interface MoveState {
  status: IncidentStatus
  severity: Severity
  /** Its post-incident review is completed. */
  reviewCompleted: boolean
}

export interface Move {
  to: IncidentStatus
  /** The button's words: `Acknowledge`, `Reopen`, `Back to identified`. */
  label: string
}

const rank = (s: IncidentStatus) => INCIDENT_STATUSES.indexOf(s)
const BACK_TO: readonly IncidentStatus[] = ['investigating', 'identified']
/** Severities that need a completed review before they are closed. */
export const REVIEW_REQUIRED: readonly Severity[] = ['SEV1', 'SEV2']

const FORWARD: Record<IncidentStatus, string> = {
  triggered: 'Trigger',
  acknowledged: 'Acknowledge',
  investigating: 'Investigate',
  identified: 'Mark identified',
  monitoring: 'Monitor',
  resolved: 'Resolve',
  closed: 'Close',
}

/** Whether the move from the state to `to` is legal, as the API decides it. */
export function isLegalMove(
  { status: from, severity, reviewCompleted }: MoveState,
  to: IncidentStatus,
) {
  if (from === to || from === 'closed') return false
  if (from === 'resolved' && to === 'investigating') return true
  if (rank(to) < rank(from)) return from !== 'resolved' && BACK_TO.includes(to)
  if (to === 'closed') {
    return from === 'resolved' && (!REVIEW_REQUIRED.includes(severity) || reviewCompleted)
  }
  return true
}

/** The legal moves, in lifecycle order, with their buttons' words. */
export function legalMoves(state: MoveState): Move[] {
  return INCIDENT_STATUSES.filter((to) => isLegalMove(state, to)).map((to) => ({
    to,
    label: labelOf(state.status, to),
  }))
}

function labelOf(from: IncidentStatus, to: IncidentStatus) {
  if (from === 'resolved' && to === 'investigating') return 'Reopen'
  if (rank(to) < rank(from)) return `Back to ${to}`
  return FORWARD[to]
}

/** Why Close is not offered to a resolved incident, when that is the reason; else null. */
export function closeBlocked(state: MoveState): string | null {
  if (state.status !== 'resolved' || isLegalMove(state, 'closed')) return null
  return `A ${state.severity} incident is closed once its post-incident review is completed.`
}
