import { type IncidentStatus, INCIDENT_TEXT_MAX_LENGTH } from '@opsdeck/contract'
import { useId, useState } from 'react'
import { Confirm } from '../../../components/ui/confirm.tsx'
import { closeBlocked, legalMoves, type Move, type MoveState } from '../moves.ts'
import { useTransitionIncident } from '../queries.ts'

/**
 * The status moves the lifecycle allows from here, one button each, with an optional note that
 * goes on the timeline with the move. Closing is final, so it asks first. A move the API refuses
 * (someone else moved it meanwhile) shows the API's reason.
 */
export function TransitionControls({ refId, state }: { refId: string; state: MoveState }) {
  const id = useId()
  const move = useTransitionIncident(refId)
  const [note, setNote] = useState('')
  const [confirming, setConfirming] = useState<Move | null>(null)
  const moves = legalMoves(state)
  const blocked = closeBlocked(state)
  const go = (to: IncidentStatus) => {
    setConfirming(null)
    move.mutate(
      { to, ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: () => setNote('') },
    )
  }
  if (moves.length === 0) return null
  return (
    <section className="panel transitions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Change status</h2>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note with the change (optional)</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          maxLength={INCIDENT_TEXT_MAX_LENGTH}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {confirming ? (
        <Confirm
          question={`${confirming.label} ${refId}? A closed incident cannot be reopened.`}
          confirmLabel={confirming.label}
          onConfirm={() => go(confirming.to)}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <div className="form-actions" role="group" aria-label="Status moves">
          {moves.map((m) => (
            <button
              key={m.to}
              type="button"
              className="button button-small"
              disabled={move.isPending}
              onClick={() => (m.to === 'closed' ? setConfirming(m) : go(m.to))}
            >
              {m.label}
            </button>
          ))}
        </div>
      )}
      {blocked ? <p className="muted small">{blocked}</p> : null}
      {move.error ? (
        <p className="form-error" role="alert">
          {move.error.message}
        </p>
      ) : null}
    </section>
  )
}
