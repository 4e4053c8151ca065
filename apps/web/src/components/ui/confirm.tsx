import { useId } from 'react'

interface ConfirmProps {
  /** What will happen, as a question: "Disable ann@…? They are signed out at once." */
  question: string
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  danger?: boolean
}

/**
 * Asks once, in place, before a consequential action: no modal to trap focus, and the question
 * sits next to the thing it is about. Focus starts on the confirm button; Escape cancels.
 */
export function Confirm({ question, confirmLabel, onConfirm, onCancel, danger }: ConfirmProps) {
  const id = useId()
  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={id}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <span className="confirm-question" id={id}>
        {question}
      </span>
      <button
        type="button"
        className={danger ? 'button button-small button-danger' : 'button button-small'}
        autoFocus
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button-small button-quiet" onClick={onCancel}>
        Cancel
      </button>
    </div>
  )
}
