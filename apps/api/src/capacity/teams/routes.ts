import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { localDay } from '../../lib/calendar.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { validate } from '../../lib/validate.ts'
import { listTeams } from './queries.ts'
import { createTeam, editTeam } from './save-team.ts'
import { NewTeam, Team, TeamList, TeamParam, TeamPatch } from './schemas.ts'

const tags = ['teams']

const teamNotFound = errorBody('team_not_found', 'No such team')
const slugTaken = errorBody('slug_taken', 'A team has this slug', [
  { path: 'json.slug', message: 'is taken' },
])

/** The organisation's day, by which members are counted. */
async function today(c: { var: AppEnv['Variables'] }) {
  return localDay(c.var.now, (await getOrganisation(c.var.db)).timezone)
}

/** The team as the list shows it, after a write. */
async function teamAnswer(c: { var: AppEnv['Variables'] }, slug: string) {
  const [team] = await listTeams(c.var.db, await today(c), slug)
  if (!team) throw new Error(`team ${slug} vanished as it was written`)
  return team
}

// Teams: read by anyone, added and renamed by managers, audited. No DELETE: people, services and
// past weeks of capacity belong to teams.
export const teams = new Hono<AppEnv>()
  .get(
    '/',
    doc({
      summary: 'Every team by name, with how many people are in it today',
      tags,
      responses: { 200: TeamList },
    }),
    access('read'),
    async (c) => c.json({ teams: await listTeams(c.var.db, await today(c)) }, 200),
  )
  .post(
    '/',
    doc({
      summary: 'Add a team',
      description:
        'The slug (lowercase letters, digits and hyphens) is the team’s for good. Audited.',
      tags,
      responses: { 201: Team },
      errors: ['slug_taken'],
    }),
    access('write'),
    validate('json', NewTeam),
    async (c) => {
      const input = c.req.valid('json')
      const result = await createTeam(c.var.db, input, auditContext(c.var))
      if ('refused' in result) return c.json(slugTaken, 409)
      return c.json(await teamAnswer(c, input.slug), 201)
    },
  )
  .patch(
    '/:slug',
    doc({
      summary: 'Rename a team',
      tags,
      responses: { 200: Team },
      errors: ['team_not_found'],
    }),
    access('write'),
    validate('param', TeamParam),
    validate('json', TeamPatch),
    async (c) => {
      const { slug } = c.req.valid('param')
      const result = await editTeam(
        c.var.db,
        { slug, patch: c.req.valid('json') },
        auditContext(c.var),
      )
      if ('refused' in result) return c.json(teamNotFound, 404)
      return c.json(await teamAnswer(c, slug), 200)
    },
  )
