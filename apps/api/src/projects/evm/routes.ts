import { MAX_PROJECT_YEARS, yearsAfter } from '@opsdeck/contract'
import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { localDay } from '../../lib/calendar.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { validate } from '../../lib/validate.ts'
import { findProject, ProjectCodeParam, projectNotFound } from '../project-ref.ts'
import { projectEvm } from './project-evm.ts'
import { EvmQuery, ProjectEvm } from './schemas.ts'

// GET /projects/:code/evm: the project detail page's figures.
export const evm = new Hono<AppEnv>().get(
  '/:code/evm',
  doc({
    summary:
      'One project’s earned value as of a day (default today in the organisation’s time zone): PV, EV, AC, CV, SV, CPI, SPI, EAC (typical, atypical, combined), ETC, VAC, TCPI, burn rate, runway and forecast finish, each with its definition id; RAG with its reason and its history; the monthly S-curve (PV by the current and the original baseline, EV, AC, the EAC forecast), planned against actual spend by month, and budget against actuals by category and capex/opex',
    description:
      'Money is in minor units of `currency`; null is n/a (a division by zero). The figures use the current (highest) baseline version, named in `baseline`; `baseline` is null when PV is spread linearly over the project’s dates.',
    tags: ['projects'],
    responses: { 200: ProjectEvm },
    errors: ['validation_failed', 'project_not_found'],
  }),
  access('read'),
  validate('param', ProjectCodeParam),
  validate('query', EvmQuery),
  async (c) => {
    const db = c.var.db
    const [project, org] = await Promise.all([
      findProject(db, c.req.valid('param').code),
      getOrganisation(db),
    ])
    if (!project) return c.json(projectNotFound, 404)
    const asOf = c.req.valid('query').asOf ?? localDay(c.var.now, org.timezone)
    const limit = yearsAfter(project.endDate, MAX_PROJECT_YEARS)
    if (asOf >= limit) {
      const message = `must be before ${limit}, ${MAX_PROJECT_YEARS} years after the project’s end`
      const details = [{ path: 'query.asOf', message }]
      return c.json(
        errorBody('validation_failed', `Invalid request: query.asOf: ${message}`, details),
        400,
      )
    }
    return c.json(await projectEvm(db, { project, asOf, org }), 200)
  },
)
