import {
  INCIDENT_STATUSES,
  type IncidentStatus,
  judgeMove,
  type MoveState,
} from '@opsdeck/contract'

// The status moves a manager is offered: the lifecycle rule the API enforces (judgeMove in
// @opsdeck/contract), so only legal buttons show, in words.

export type { MoveState }

export interface Move {
  to: IncidentStatus
  /** The button's words: `Acknowledge`, `Reopen`, `Back to identified`. */
  label: string
}

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
export const isLegalMove = (state: MoveState, to: IncidentStatus) => judgeMove(state, to).ok

/** The legal moves, in lifecycle order, with their buttons' words. */
export function legalMoves(state: MoveState): Move[] {
  return INCIDENT_STATUSES.flatMap((to) => {
    const move = judgeMove(state, to)
    if (!move.ok) return []
    if (move.kind === 'reopen') return [{ to, label: 'Reopen' }]
    if (move.kind === 'back') return [{ to, label: `Back to ${to}` }]
    return [{ to, label: FORWARD[to] }]
  })
}

/** Why Close is not offered to a resolved incident, when that is the reason; else null. */
export function closeBlocked(state: MoveState): string | null {
  const close = judgeMove(state, 'closed')
  if (close.ok || close.refusal !== 'review_needed') return null
  return `A ${state.severity} incident is closed once its post-incident review is completed.`
}
