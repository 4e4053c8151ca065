import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { localDay } from '../../lib/calendar.ts'
import { doc } from '../../lib/openapi.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { validate } from '../../lib/validate.ts'
import { listPeople } from './queries.ts'
import { MAX_PEOPLE, PeopleList, PeopleQuery } from './schemas.ts'

const tags = ['people']

// Whom the incident forms offer as commander or follow-up owner.
export const people = new Hono<AppEnv>().get(
  '/',
  doc({
    summary: `People working here today (started, not left), by name, with their email and team; filtered by part of the name (q) or a team's slug; at most ${MAX_PEOPLE}, truncated when more matched`,
    tags,
    responses: { 200: PeopleList },
  }),
  access('read'),
  validate('query', PeopleQuery),
  async (c) => {
    const { q, team } = c.req.valid('query')
    // Who has left is decided by the organisation's calendar day.
    const today = localDay(c.var.now, (await getOrganisation(c.var.db)).timezone)
    const rows = await listPeople(c.var.db, { today, q, team, limit: MAX_PEOPLE + 1 })
    return c.json({ people: rows.slice(0, MAX_PEOPLE), truncated: rows.length > MAX_PEOPLE }, 200)
  },
)
