import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { IncidentRefParam } from '../schemas.ts'
import { addNote } from './add-note.ts'
import { correctMilestone } from './correct-milestone.ts'
import { createIncident } from './create-incident.ts'
import { editIncident } from './edit-incident.ts'
import {
  AddedNote,
  Correction,
  IncidentPatch,
  NewIncident,
  NewNote,
  Transition,
  WrittenIncident,
} from './schemas.ts'
import { transitionIncident } from './transition-incident.ts'

const tags = ['incidents']

const notFound = errorBody('incident_not_found', 'No such incident')
const unknownPerson = errorBody('unknown_person', 'No person has this id', [
  { path: 'json.commanderPersonId', message: 'is not a person’s id' },
])

function invalid(details: { path: string; message: string }[]) {
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ')
  return errorBody('validation_failed', `Invalid request: ${summary}`, details)
}

function badServices(r: { refused: 'unknown_service' | 'service_archived'; slugs: string[] }) {
  const slugs = r.slugs.join(', ')
  const message =
    r.refused === 'unknown_service'
      ? `No service has the slug ${slugs}`
      : `Archived, so not affected by a new incident: ${slugs}`
  return message
}

// The incident writes, for managers: each change and its timeline event in one transaction.
// Events are never changed or removed; a wrong time is corrected by a correction event.
export const lifecycle = new Hono<AppEnv>()
  .post(
    '/',
    doc({
      summary: 'Declare an incident (status triggered)',
      description:
        'Its ref is `INC-<year>-<nnnn>`, numbered within the year it started. `startedAt` defaults to now; neither it nor `detectedAt` may be in the future.',
      tags,
      responses: { 201: WrittenIncident },
      errors: ['validation_failed', 'unknown_service', 'service_archived', 'unknown_person'],
    }),
    access('write'),
    validate('json', NewIncident),
    async (c) => {
      const result = await createIncident(c.var.db, c.req.valid('json'), auditContext(c.var))
      if ('incident' in result) return c.json(result.incident, 201)
      if (result.refused === 'invalid') return c.json(invalid(result.details), 400)
      if (result.refused === 'unknown_person') return c.json(unknownPerson, 422)
      return c.json(errorBody(result.refused, badServices(result), result.details), 422)
    },
  )
  .post(
    '/:ref/transitions',
    doc({
      summary: 'Move an incident to another status',
      description:
        'triggered → acknowledged → investigating → identified → monitoring → resolved → closed. Forward moves may skip steps; an open incident may go back to investigating or identified (a fix that did not hold); resolved → investigating reopens (the resolution is cleared); closed is final, and needs a resolved incident, and for SEV1/SEV2 a completed review. Each move sets the milestones it implies that are unset. An illegal move is a 409 `illegal_transition` whose message says why.',
      tags,
      responses: { 200: WrittenIncident },
      errors: ['incident_not_found', 'illegal_transition'],
    }),
    access('write'),
    validate('param', IncidentRefParam),
    validate('json', Transition),
    async (c) => {
      const { ref } = c.req.valid('param')
      const { to, note } = c.req.valid('json')
      const result = await transitionIncident(c.var.db, { ref, to, note }, auditContext(c.var))
      if ('incident' in result) return c.json(result.incident, 200)
      if (result.refused === 'not_found') return c.json(notFound, 404)
      return c.json(errorBody('illegal_transition', result.reason), 409)
    },
  )
  .post(
    '/:ref/corrections',
    doc({
      summary: 'Correct a milestone time, with the reason (audited, on the timeline)',
      description:
        'startedAt comes first and resolvedAt after the rest; none in the future. A milestone the status implies cannot be cleared (null), and an open incident’s resolvedAt is set by resolving it.',
      tags,
      responses: { 200: WrittenIncident },
      errors: ['validation_failed', 'incident_not_found'],
    }),
    access('write'),
    validate('param', IncidentRefParam),
    validate('json', Correction),
    async (c) => {
      const { ref } = c.req.valid('param')
      const body = c.req.valid('json')
      const result = await correctMilestone(c.var.db, { ref, ...body }, auditContext(c.var))
      if ('incident' in result) return c.json(result.incident, 200)
      if (result.refused === 'not_found') return c.json(notFound, 404)
      return c.json(invalid(result.details), 400)
    },
  )
  .post(
    '/:ref/notes',
    doc({
      summary: 'Add a note to an incident’s timeline (plain text, kept as written)',
      tags,
      responses: { 201: AddedNote },
      errors: ['incident_not_found'],
    }),
    access('write'),
    validate('param', IncidentRefParam),
    validate('json', NewNote),
    async (c) => {
      const { ref } = c.req.valid('param')
      const { body } = c.req.valid('json')
      const result = await addNote(c.var.db, { ref, body }, auditContext(c.var))
      if ('note' in result) return c.json(result.note, 201)
      return c.json(notFound, 404)
    },
  )
  .patch(
    '/:ref',
    doc({
      summary:
        'Change an incident’s title, summary, customer impact, severity, commander or services',
      description:
        'Fields left out keep their value. A new severity and a new list of services go on the timeline; every change is audited.',
      tags,
      responses: { 200: WrittenIncident },
      errors: ['incident_not_found', 'unknown_service', 'service_archived', 'unknown_person'],
    }),
    access('write'),
    validate('param', IncidentRefParam),
    validate('json', IncidentPatch),
    async (c) => {
      const { ref } = c.req.valid('param')
      const patch = c.req.valid('json')
      const result = await editIncident(c.var.db, { ref, patch }, auditContext(c.var))
      if ('incident' in result) return c.json(result.incident, 200)
      if (result.refused === 'not_found') return c.json(notFound, 404)
      if (result.refused === 'unknown_person') return c.json(unknownPerson, 422)
      return c.json(errorBody(result.refused, badServices(result), result.details), 422)
    },
  )
