import { useEffect, useRef, useState } from 'react'
import { formatInstant } from '../../../lib/format.ts'
import { REVIEW_PARTS } from '../follow-up-forms.ts'
import type { IncidentDetail } from '../queries.ts'
import { ReviewForm } from './review-form.tsx'

interface ReviewSectionProps {
  refId: string
  review: IncidentDetail['review']
  /** Managers write and complete the review. */
  canManage: boolean
}

/** The post-incident review, as text; whether it is completed (SEV1/SEV2 close only then). */
export function ReviewSection({ refId, review, canManage }: ReviewSectionProps) {
  const [editing, setEditing] = useState(false)
  const opener = useRef<HTMLButtonElement>(null)
  const returning = useRef(false)
  // Saving or cancelling removes the focused form: put focus back on the button that opened it.
  useEffect(() => {
    if (editing || !returning.current) return
    returning.current = false
    opener.current?.focus()
  }, [editing])
  const label = review ? 'Edit the review' : 'Write the review'
  const close = () => {
    returning.current = true
    setEditing(false)
  }
  return (
    <>
      {review ? (
        <>
          <p className="muted small">
            {review.completedAt
              ? `Completed ${formatInstant(review.completedAt)}`
              : `Draft, last changed ${formatInstant(review.updatedAt)}`}
          </p>
          <dl className="review">
            {REVIEW_PARTS.map(([key, partLabel]) => (
              <div key={key} className="review-part">
                <dt>{partLabel}</dt>
                <dd className="prose">
                  {review[key] || <span className="muted">not written</span>}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p className="muted">No post-incident review yet.</p>
      )}
      {canManage && editing ? (
        <ReviewForm refId={refId} review={review} title={label} onDone={close} />
      ) : null}
      {canManage && !editing ? (
        <button
          ref={opener}
          type="button"
          className="button button-small"
          onClick={() => setEditing(true)}
        >
          {label}
        </button>
      ) : null}
    </>
  )
}
