import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { localDay } from '../../lib/calendar.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { validate } from '../../lib/validate.ts'
import { createPerson } from './create-person.ts'
import { removePerson } from './delete-person.ts'
import { editPerson } from './edit-person.ts'
import { movePerson } from './move-person.ts'
import { listPeople, personRecord } from './queries.ts'
import {
  MAX_PEOPLE,
  NewMove,
  NewPerson,
  PeopleList,
  PeopleQuery,
  PersonParam,
  PersonPatch,
  PersonRecord,
} from './schemas.ts'

const tags = ['people']

const personNotFound = errorBody('person_not_found', 'No such person')
const unknownTeam = errorBody('unknown_team', 'No team has this id', [
  { path: 'json.teamId', message: 'is not a team’s id' },
])
const emailTaken = errorBody('email_taken', 'Another person has this email', [
  { path: 'json.email', message: 'is taken' },
])

function invalid(details: readonly { path: string; message: string }[]) {
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ')
  return errorBody('validation_failed', `Invalid request: ${summary}`, details)
}

const USES: Record<string, string> = {
  allocations: 'allocations',
  timeOff: 'time off',
  incidentsCommanded: 'incidents commanded',
  responderHours: 'incident hours logged',
  incidentActions: 'incident follow-ups',
  projectsOwned: 'projects owned',
}

// People, as the incident and project forms pick them and capacity plans them: read by anyone,
// written by managers, each write and its audit row in one transaction.
export const people = new Hono<AppEnv>()
  .get(
    '/',
    doc({
      summary: `People by name, with their team today, role, skills, contract and dates; by default those working here today (started, not left); filtered by part of the name (q), a team's slug, a role or a skill; at most ${MAX_PEOPLE}, truncated when more matched`,
      description:
        '`role` and `skill` match whole, in any case. `includeLeft=true` also lists people who have left or not yet started.',
      tags,
      responses: { 200: PeopleList },
    }),
    access('read'),
    validate('query', PeopleQuery),
    async (c) => {
      const filters = c.req.valid('query')
      // Who has left is decided by the organisation's calendar day.
      const today = localDay(c.var.now, (await getOrganisation(c.var.db)).timezone)
      const rows = await listPeople(c.var.db, { ...filters, today, limit: MAX_PEOPLE + 1 })
      return c.json({ people: rows.slice(0, MAX_PEOPLE), truncated: rows.length > MAX_PEOPLE }, 200)
    },
  )
  .post(
    '/',
    doc({
      summary: 'Add a person, in a team from their start day',
      description:
        'Skills are trimmed and kept once whatever their case; workingDays are ISO weekdays (Monday 1 … Sunday 7), default Monday to Friday; bankHolidayRegion null for the organisation’s. Audited.',
      tags,
      responses: { 201: PersonRecord },
      errors: ['validation_failed', 'unknown_team', 'email_taken'],
    }),
    access('write'),
    validate('json', NewPerson),
    async (c) => {
      const result = await createPerson(c.var.db, c.req.valid('json'), auditContext(c.var))
      if ('person' in result) return c.json(result.person, 201)
      if (result.refused === 'unknown_team') return c.json(unknownTeam, 422)
      return c.json(emailTaken, 409)
    },
  )
  .get(
    '/:id',
    doc({
      summary:
        'One person: their fields, their team today, their teams (newest first) and their bank-holiday region',
      description:
        '`region` is their own or, when they have none, the organisation’s, and says which.',
      tags,
      responses: { 200: PersonRecord },
      errors: ['person_not_found'],
    }),
    access('read'),
    validate('param', PersonParam),
    async (c) => {
      const today = localDay(c.var.now, (await getOrganisation(c.var.db)).timezone)
      const person = await personRecord(c.var.db, c.req.valid('param').id, today)
      if (!person) return c.json(personNotFound, 404)
      return c.json(person, 200)
    },
  )
  .patch(
    '/:id',
    doc({
      summary: 'Change some of a person’s fields (not their team: move them)',
      description:
        'Someone leaving gets an endDate, their last day. A date given alone is checked against the stored other one; a new startDate moves their first team’s first day. Dates that would leave any of their allocations or time off without one day of employment are refused (409 bookings_outside_employment, saying how many and the first, the field naming them): move or delete those first. Audited field by field.',
      tags,
      responses: { 200: PersonRecord },
      errors: [
        'validation_failed',
        'person_not_found',
        'email_taken',
        'bookings_outside_employment',
      ],
    }),
    access('write'),
    validate('param', PersonParam),
    validate('json', PersonPatch),
    async (c) => {
      const change = { id: c.req.valid('param').id, patch: c.req.valid('json') }
      const result = await editPerson(c.var.db, change, auditContext(c.var))
      if ('person' in result) return c.json(result.person, 200)
      if (result.refused === 'invalid') return c.json(invalid(result.details), 400)
      if (result.refused === 'email_taken') return c.json(emailTaken, 409)
      if (result.refused === 'bookings_outside_employment') {
        const body = errorBody('bookings_outside_employment', result.message, result.details)
        return c.json(body, 409)
      }
      return c.json(personNotFound, 404)
    },
  )
  .delete(
    '/:id',
    doc({
      summary: 'Delete a person added by mistake',
      description:
        'Only someone with no allocations, time off, incident history or projects: otherwise 409, give them a leave date (endDate) instead. Audited.',
      tags,
      responses: { 204: null },
      errors: ['person_not_found', 'person_in_use'],
    }),
    access('write'),
    validate('param', PersonParam),
    async (c) => {
      const result = await removePerson(c.var.db, c.req.valid('param').id, auditContext(c.var))
      if ('deleted' in result) return c.body(null, 204)
      if (result.refused === 'person_not_found') return c.json(personNotFound, 404)
      const uses = Object.entries(result.usage)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${USES[k] ?? k}`)
      const message = `${result.name} has ${uses.join(', ')}: give them a leave date (endDate) instead of deleting them`
      return c.json(errorBody('person_in_use', message), 409)
    },
  )
  .post(
    '/:id/moves',
    doc({
      summary: 'Move a person to another team from a day',
      description:
        'Their current team keeps them until the day before `from`, the new one has them from `from`: past weeks stay with the old team, and until `from` they are listed in the old one (their team is the membership covering the organisation’s day). `from` is after the day they joined their latest team, on or before their leave date, and less than 3 years after today. Audited.',
      tags,
      responses: { 201: PersonRecord },
      errors: ['validation_failed', 'person_not_found', 'unknown_team', 'already_in_team'],
    }),
    access('write'),
    validate('param', PersonParam),
    validate('json', NewMove),
    async (c) => {
      const move = { id: c.req.valid('param').id, ...c.req.valid('json') }
      const result = await movePerson(c.var.db, move, auditContext(c.var))
      if ('person' in result) return c.json(result.person, 201)
      switch (result.refused) {
        case 'invalid':
          return c.json(invalid(result.details), 400)
        case 'person_not_found':
          return c.json(personNotFound, 404)
        case 'unknown_team':
          return c.json(unknownTeam, 422)
        case 'already_in_team': {
          const message = `They are in ${result.team} already`
          const details = [{ path: 'json.teamId', message: 'is their current team' }]
          return c.json(errorBody('already_in_team', message, details), 409)
        }
      }
    },
  )
