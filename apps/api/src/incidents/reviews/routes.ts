import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { IncidentRefParam } from '../schemas.ts'
import { addAction } from './add-action.ts'
import { editAction } from './edit-action.ts'
import { saveReview } from './save-review.ts'
import {
  ActionParam,
  ActionPatch,
  NewAction,
  ReviewBody,
  WrittenAction,
  WrittenReview,
} from './schemas.ts'

const tags = ['incidents']

const notFound = errorBody('incident_not_found', 'No such incident')
const actionNotFound = errorBody('action_not_found', 'The incident has no follow-up with this id')
const unknownOwner = errorBody('unknown_person', 'No person has this id', [
  { path: 'json.ownerPersonId', message: 'is not a person’s id' },
])
const reviewClosed = errorBody(
  'incident_closed',
  'The incident is closed: its review stays completed (closed means the review is done)',
)

// The post-incident review and its follow-up action items, for managers: each write, its
// timeline event and its audit row in one transaction.
export const reviews = new Hono<AppEnv>()
  .put(
    '/:ref/review',
    doc({
      summary: 'Write an incident’s post-incident review (created or replaced whole)',
      description:
        'Root cause, contributing factors, what went well and lessons, as text. `completed: true` completes it (`completedAt`, kept from the first completion), which a SEV1 or SEV2 incident needs before it is closed; a completed review names its root cause. `completed: false` reopens it, but not once the incident is closed (409 `incident_closed`). 201 when the review is new; the same review again changes nothing.',
      tags,
      responses: { 200: WrittenReview, 201: WrittenReview },
      errors: ['incident_not_found', 'incident_closed'],
    }),
    access('write'),
    validate('param', IncidentRefParam),
    validate('json', ReviewBody),
    async (c) => {
      const { ref } = c.req.valid('param')
      const review = c.req.valid('json')
      const result = await saveReview(c.var.db, { ref, review }, auditContext(c.var))
      if ('review' in result) return c.json(result.review, result.created ? 201 : 200)
      if (result.refused === 'not_found') return c.json(notFound, 404)
      return c.json(reviewClosed, 409)
    },
  )
  .post(
    '/:ref/actions',
    doc({
      summary: 'Add a follow-up action to an incident: title, owner, due day and status',
      description:
        'The owner is a person’s id; the due date a calendar day in the organisation’s time zone (an open action due before today is overdue). Status open unless given; done or won’t do completes it now.',
      tags,
      responses: { 201: WrittenAction },
      errors: ['incident_not_found', 'unknown_person'],
    }),
    access('write'),
    validate('param', IncidentRefParam),
    validate('json', NewAction),
    async (c) => {
      const { ref } = c.req.valid('param')
      const action = c.req.valid('json')
      const result = await addAction(c.var.db, { ref, action }, auditContext(c.var))
      if ('action' in result) return c.json(result.action, 201)
      if (result.refused === 'not_found') return c.json(notFound, 404)
      return c.json(unknownOwner, 422)
    },
  )
  .patch(
    '/:ref/actions/:actionId',
    doc({
      summary: 'Change a follow-up action’s title, owner, due day or status',
      description:
        'Fields left out keep their value. Leaving open (done, won’t do) completes it; back to open clears the completion. Each change is on the timeline and audited.',
      tags,
      responses: { 200: WrittenAction },
      errors: ['incident_not_found', 'action_not_found', 'unknown_person'],
    }),
    access('write'),
    validate('param', ActionParam),
    validate('json', ActionPatch),
    async (c) => {
      const { ref, actionId } = c.req.valid('param')
      const patch = c.req.valid('json')
      const result = await editAction(c.var.db, { ref, actionId, patch }, auditContext(c.var))
      if ('action' in result) return c.json(result.action, 200)
      if (result.refused === 'not_found') return c.json(notFound, 404)
      if (result.refused === 'action_not_found') return c.json(actionNotFound, 404)
      return c.json(unknownOwner, 422)
    },
  )
