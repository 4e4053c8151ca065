import {
  INCIDENT_ACTION_STATUSES,
  INCIDENT_TEXT_MAX_LENGTH,
  INCIDENT_TITLE_MAX_LENGTH,
  MAX_YEAR,
  MIN_YEAR,
} from '@opsdeck/contract'
import { z } from 'zod'
import { Id } from '../../lib/params.ts'
import { name, text } from '../../lib/text.ts'
import { ActionItem, IncidentReview } from '../reads/schemas.ts'
import { IncidentRefParam } from '../schemas.ts'

// The review's and the follow-ups' requests; the answers use the detail's shapes (reads), so a
// client sees the same review and action wherever it reads them.

const ReviewText = text()
  .trim()
  .max(INCIDENT_TEXT_MAX_LENGTH, `must be at most ${INCIDENT_TEXT_MAX_LENGTH} characters`)

/**
 * PUT /incidents/:ref/review: the whole review. `completed` is what closing a SEV1/SEV2 incident
 * waits for (it sets completedAt); a completed review names its root cause.
 */
export const ReviewBody = z
  .strictObject({
    rootCause: ReviewText,
    contributingFactors: ReviewText,
    wentWell: ReviewText,
    lessons: ReviewText,
    completed: z.boolean(),
  })
  .superRefine((r, ctx) => {
    if (r.completed && r.rootCause === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['rootCause'],
        message: 'must not be empty in a completed review',
      })
    }
  })
export type ReviewBody = z.output<typeof ReviewBody>

/** A calendar day (`2026-10-31`), where the organisation is. */
const Day = z.iso
  .date('must be a day (2026-10-31)')
  .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR, `must be in ${MIN_YEAR} or later`)
  .refine((s) => Number(s.slice(0, 4)) <= MAX_YEAR, `must be in ${MAX_YEAR} or earlier`)

const ActionFields = {
  title: name(INCIDENT_TITLE_MAX_LENGTH),
  /** A person's id (people, not users); null for nobody yet. */
  ownerPersonId: z.number().int('must be a person’s id').min(1, 'must be a person’s id').nullable(),
  /** The day it is due; null for no date (never overdue). */
  dueOn: Day.nullable(),
  status: z.enum(INCIDENT_ACTION_STATUSES),
}

/** POST /incidents/:ref/actions: a follow-up, open unless said otherwise. */
export const NewAction = z.strictObject({
  title: ActionFields.title,
  ownerPersonId: ActionFields.ownerPersonId.default(null),
  dueOn: ActionFields.dueOn.default(null),
  status: ActionFields.status.default('open'),
})
export type NewAction = z.output<typeof NewAction>

/** PATCH /incidents/:ref/actions/:actionId: fields left out keep their value. */
export const ActionPatch = z.strictObject({
  title: ActionFields.title.optional(),
  ownerPersonId: ActionFields.ownerPersonId.optional(),
  dueOn: ActionFields.dueOn.optional(),
  status: ActionFields.status.optional(),
})
export type ActionPatch = z.output<typeof ActionPatch>

export const ActionParam = IncidentRefParam.extend({ actionId: Id })

export const WrittenReview = z.strictObject({ ref: z.string(), review: IncidentReview })
export type WrittenReview = z.output<typeof WrittenReview>

export const WrittenAction = z.strictObject({ ref: z.string(), action: ActionItem })
export type WrittenAction = z.output<typeof WrittenAction>
