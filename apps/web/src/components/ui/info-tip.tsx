import { type ReactNode, useId } from 'react'

/**
 * A definition shown on hover and on keyboard focus (a `title` alone is invisible to keyboard and
 * touch users). Printed inline, because a stakeholder pack cannot be hovered.
 */
export function InfoTip({ label, text }: { label: string; text: ReactNode }) {
  const id = useId()
  return (
    <span className="tip">
      <button type="button" className="tip-trigger" aria-label={label} aria-describedby={id}>
        <span aria-hidden="true">i</span>
      </button>
      <span role="tooltip" id={id} className="tip-body">
        {text}
      </span>
    </span>
  )
}
