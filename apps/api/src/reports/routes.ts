import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { errorBody } from '../lib/errors.ts'
import { doc } from '../lib/openapi.ts'
import { getOrganisation } from '../lib/organisation.ts'
import { validate } from '../lib/validate.ts'
import { buildReport } from './build-report.ts'
import { PeriodQuery, resolvePeriod } from './request.ts'
import { Report } from './schemas.ts'
import { reportSchedules } from './schedules/routes.ts'
import { shareLinks } from './share/routes.ts'
import { snapshots } from './snapshots/routes.ts'

const tags = ['reports']

// The report is composed from the areas' period sections (build-report.ts); snapshots freeze it;
// share links open one snapshot without an account (share/public-routes.ts, mounted at /shared).
export const reports = new Hono<AppEnv>()
  .get(
    '/preview',
    doc({
      summary: 'The report for a period as the data stands now, with its generated summary',
      tags,
      responses: { 200: Report },
      errors: ['period_not_started'],
    }),
    access('read'),
    validate('query', PeriodQuery),
    async (c) => {
      const q = c.req.valid('query')
      const { readDb: db, now } = c.var
      const org = await getOrganisation(db)
      const resolved = resolvePeriod(q, org.timezone, now)
      if (!resolved.ok) {
        const details = [
          { path: q.period === 'custom' ? 'query.from' : 'query.day', message: resolved.message },
        ]
        return c.json(errorBody('period_not_started', resolved.message, details), 422)
      }
      return c.json(await buildReport(db, { period: resolved.period, now, org }), 200)
    },
  )
  .route('/snapshots', snapshots)
  .route('/schedules', reportSchedules)
  .route('/', shareLinks)
