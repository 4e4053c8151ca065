import { formatInstant } from '../../../lib/format.ts'
import type { IncidentDetail } from '../queries.ts'

const PARTS = [
  ['rootCause', 'Root cause'],
  ['contributingFactors', 'Contributing factors'],
  ['wentWell', 'What went well'],
  ['lessons', 'Lessons'],
] as const

/** The post-incident review, as text; whether it is completed (SEV1/SEV2 close only then). */
export function ReviewSection({ review }: { review: IncidentDetail['review'] }) {
  if (!review) return <p className="muted">No post-incident review yet.</p>
  return (
    <>
      <p className="muted small">
        {review.completedAt
          ? `Completed ${formatInstant(review.completedAt)}`
          : `Draft, last changed ${formatInstant(review.updatedAt)}`}
      </p>
      <dl className="details review">
        {PARTS.map(([key, label]) => (
          <div key={key} className="review-part">
            <dt>{label}</dt>
            <dd className="prose">{review[key] || <span className="muted">not written</span>}</dd>
          </div>
        ))}
      </dl>
    </>
  )
}
