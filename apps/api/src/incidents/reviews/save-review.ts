import type { Database } from '@opsdeck/db'
import type { Kysely } from 'kysely'
import { type AuditContext, created, diff, recordAudit } from '../../lib/audit.ts'
import { findIncident, insertEvent, updateIncident } from '../lifecycle/queries.ts'
import { findReviewRow, upsertReview } from './queries.ts'
import type { ReviewBody, WrittenReview } from './schemas.ts'

const FIELD_LABELS = {
  rootCause: 'root cause',
  contributingFactors: 'contributing factors',
  wentWell: 'what went well',
  lessons: 'lessons',
  completed: 'completion',
} as const

type Row = NonNullable<Awaited<ReturnType<typeof findReviewRow>>>

const answer = (ref: string, row: Row): WrittenReview => ({
  ref,
  review: {
    rootCause: row.rootCause,
    contributingFactors: row.contributingFactors,
    wentWell: row.wentWell,
    lessons: row.lessons,
    completedAt: row.completedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  },
})

/**
 * Creates or replaces an incident's post-incident review, with its `review` event ({ changed,
 * completed, completedAt }) and an audit row. Completed means `completedAt` is set, which is what
 * closing a SEV1/SEV2 incident reads (transitions.ts); it keeps the time of the first completion
 * until the review is reopened. Refused: no such incident; reopening the review of a closed
 * incident (closed means the review is done). The same review again writes nothing.
 */
export async function saveReview(
  db: Kysely<Database>,
  change: { ref: string; review: ReviewBody },
  who: AuditContext,
) {
  return db.transaction().execute(async (trx) => {
    const incident = await findIncident(trx, change.ref, { forUpdate: true })
    if (!incident) return { refused: 'not_found' } as const
    const before = await findReviewRow(trx, incident.id)
    const { completed, ...texts } = change.review
    const wasCompleted = before?.completedAt != null
    if (wasCompleted && !completed && incident.status === 'closed') {
      return { refused: 'closed' } as const
    }
    const fields = { ...texts, completed }
    const changes = before
      ? diff(
          {
            rootCause: before.rootCause,
            contributingFactors: before.contributingFactors,
            wentWell: before.wentWell,
            lessons: before.lessons,
            completed: wasCompleted,
          },
          fields,
        )
      : created(fields)
    if (before && Object.keys(changes).length === 0) {
      return { created: false, review: answer(incident.ref, before) } as const
    }

    const row = await upsertReview(trx, incident.id, {
      ...texts,
      completedAt: completed ? (before?.completedAt ?? who.at) : null,
      updatedAt: who.at,
      updatedByUserId: who.actor.userId,
    })
    const changed = Object.keys(changes) as (keyof typeof FIELD_LABELS)[]
    await insertEvent(trx, {
      incidentId: incident.id,
      at: who.at,
      kind: 'review',
      body: describe(before === undefined, wasCompleted, completed, changed),
      authorUserId: who.actor.userId,
      data: { changed, completed, completedAt: row.completedAt?.toISOString() ?? null },
    })
    await updateIncident(trx, incident.id, { updatedAt: who.at })
    await recordAudit(trx, who, {
      entity: 'incident',
      entityId: incident.id,
      action: 'review',
      changes: { ref: incident.ref, ...changes },
    })
    return { created: before === undefined, review: answer(incident.ref, row) } as const
  })
}

function describe(
  isNew: boolean,
  wasCompleted: boolean,
  completed: boolean,
  changed: (keyof typeof FIELD_LABELS)[],
) {
  if (isNew)
    return completed ? 'Post-incident review written and completed' : 'Post-incident review started'
  if (completed && !wasCompleted) return 'Post-incident review completed'
  if (!completed && wasCompleted) return 'Post-incident review reopened'
  return `Post-incident review updated: ${changed.map((f) => FIELD_LABELS[f]).join(', ')}`
}
