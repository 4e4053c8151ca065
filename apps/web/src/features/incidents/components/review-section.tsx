import { formatInstant } from '../../../lib/format.ts'
import { useOpener } from '../../../lib/use-opener.ts'
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
  // Saving or cancelling closes the form and puts focus back on the button that opened it.
  const { open: editing, show, close, opener } = useOpener()
  const label = review ? 'Edit the review' : 'Write the review'
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
        <button ref={opener} type="button" className="button button-small" onClick={show}>
          {label}
        </button>
      ) : null}
    </>
  )
}
