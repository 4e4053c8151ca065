import { LIVE_PROJECT_STATUSES } from '@opsdeck/contract'
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { CapacityRisk, capacityRiskWindow, projectCapacityRisks } from '../../capacity/queries.ts'
import { doc } from '../../lib/openapi.ts'
import { getOrganisation } from '../../lib/organisation.ts'
import { validate } from '../../lib/validate.ts'
import { findProject, ProjectCodeParam, projectNotFound } from '../project-ref.ts'

export const ProjectCapacityRisk = z.strictObject({
  /** This week's Monday and the last day of the fourth week: the days looked at. */
  from: z.iso.date(),
  to: z.iso.date(),
  /** Only a live project (active or on hold) is at risk from capacity. */
  live: z.boolean(),
  /** Null when no one of its people is over-booked or away, or when it is not live. */
  risk: CapacityRisk.nullable(),
  definitions: z.strictObject({ risk: z.literal('projectCapacityRisk') }),
})
export type ProjectCapacityRisk = z.output<typeof ProjectCapacityRisk>

// GET /projects/:code/capacity-risk: the project page's flag, the Projects page's for one project
// (its people only are loaded, not the whole organisation's).
export const capacityRisk = new Hono<AppEnv>().get(
  '/:code/capacity-risk',
  doc({
    summary:
      'One project’s risk from capacity now: of its people (booked on it, confirmed, this week and the next three), how many are booked over 110% or on leave half the week or more in the weeks they are on it; null when none is or the project is not live',
    tags: ['projects'],
    responses: { 200: ProjectCapacityRisk },
    errors: ['validation_failed', 'project_not_found'],
  }),
  access('read'),
  validate('param', ProjectCodeParam),
  async (c) => {
    const db = c.var.db
    const [project, org] = await Promise.all([
      findProject(db, c.req.valid('param').code),
      getOrganisation(db),
    ])
    if (!project) return c.json(projectNotFound, 404)
    const live = (LIVE_PROJECT_STATUSES as readonly string[]).includes(project.status)
    const risks = live
      ? await projectCapacityRisks(db, { now: c.var.now, org, code: project.code })
      : new Map<string, CapacityRisk>()
    const body: ProjectCapacityRisk = {
      ...capacityRiskWindow(c.var.now, org),
      live,
      risk: risks.get(project.code) ?? null,
      definitions: { risk: 'projectCapacityRisk' },
    }
    return c.json(body, 200)
  },
)
