import { INCIDENT_STATUSES, type IncidentStatus, type Severity } from './incidents.ts'

// Which status an incident may move to, declared once: the API enforces it (its transition() also
// sets the milestones a move implies) and the SPA offers only the buttons it allows.

/** What the rule reads of an incident. */
export interface MoveState {
  status: IncidentStatus
  severity: Severity
  /** Its post-incident review is completed. */
  reviewCompleted: boolean
}

/** Severities that need a completed post-incident review before they are closed. */
export const REVIEW_REQUIRED_SEVERITIES: readonly Severity[] = ['SEV1', 'SEV2']

/** Where an open incident may go back to: not triggered or acknowledged, which it has passed. */
export const BACK_TO_STATUSES: readonly IncidentStatus[] = ['investigating', 'identified']

/** Why a move is illegal. */
export type MoveRefusal =
  | 'same' // already in that status
  | 'final' // closed is final
  | 'backwards' // back to a status it may not return to
  | 'not_resolved' // only a resolved incident closes
  | 'review_needed' // a resolved SEV1/SEV2 closes once its review is completed

export type MoveVerdict =
  { ok: true; kind: 'forward' | 'back' | 'reopen' | 'close' } | { ok: false; refusal: MoveRefusal }

const rank = (s: IncidentStatus) => INCIDENT_STATUSES.indexOf(s)

/**
 * Whether the move from the state to `to` is legal, and of which kind. Forward moves may skip steps
 * (an alert that clears itself goes triggered → resolved); resolved → investigating reopens; an
 * open incident may go back to investigating or identified; a resolved one closes (a SEV1/SEV2
 * once its review is completed); closed is final.
 */
export function judgeMove(
  { status: from, severity, reviewCompleted }: MoveState,
  to: IncidentStatus,
): MoveVerdict {
  if (from === to) return { ok: false, refusal: 'same' }
  if (from === 'closed') return { ok: false, refusal: 'final' }
  if (from === 'resolved' && to === 'investigating') return { ok: true, kind: 'reopen' }
  if (rank(to) < rank(from)) {
    return from !== 'resolved' && BACK_TO_STATUSES.includes(to)
      ? { ok: true, kind: 'back' }
      : { ok: false, refusal: 'backwards' }
  }
  if (to === 'closed') {
    if (from !== 'resolved') return { ok: false, refusal: 'not_resolved' }
    if (REVIEW_REQUIRED_SEVERITIES.includes(severity) && !reviewCompleted) {
      return { ok: false, refusal: 'review_needed' }
    }
    return { ok: true, kind: 'close' }
  }
  return { ok: true, kind: 'forward' }
}
