import { Hono } from 'hono'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { findProject, ProjectCodeParam, projectNotFound } from '../project-ref.ts'
import { addBaseline } from './add-baseline.ts'
import { deleteProgress, saveProgress } from './progress.ts'
import { listBaselines, listProgress, projectBac } from './queries.ts'
import {
  Baselines,
  NewBaseline,
  ProgressBody,
  ProgressEntry,
  ProgressList,
  ProgressParam,
  WrittenBaseline,
} from './schemas.ts'

const tags = ['projects']

// A refusal that depends on the stored project, in validation's shape: the field and why.
const invalid = (path: string, message: string) =>
  errorBody('validation_failed', `Invalid request: ${path}: ${message}`, [{ path, message }])
const progressNotFound = errorBody('progress_not_found', 'The project has no progress on this day')

// A project's plan: baseline versions (a re-baseline keeps the old ones) and progress by day.
export const plans = new Hono<AppEnv>()
  .get(
    '/:code/baselines',
    doc({
      summary: 'A project’s baseline versions, newest first, each with its planned pence per month',
      description:
        '`current` is the version EVM uses (the newest); null when there is none, and PV is then spread linearly over the project’s dates. `bac` is the sum of the budget lines.',
      tags,
      responses: { 200: Baselines },
      errors: ['project_not_found'],
    }),
    access('read'),
    validate('param', ProjectCodeParam),
    async (c) => {
      const project = await findProject(c.var.db, c.req.valid('param').code)
      if (!project) return c.json(projectNotFound, 404)
      const [versions, bac] = await Promise.all([
        listBaselines(c.var.db, project.id),
        projectBac(c.var.db, project.id),
      ])
      const body: Baselines = {
        code: project.code,
        current: versions[0]?.version ?? null,
        bac,
        versions,
      }
      return c.json(body, 200)
    },
  )
  .post(
    '/:code/baselines',
    doc({
      summary:
        'Re-baseline a project: a new version of planned pence per month (the old ones are kept)',
      description:
        '`months` lists each month (`2026-03`) once, within the project’s start and end months, with pence ≥ 0; months left out plan nothing. A re-baseline says why (`reason`); the first defaults to "Original baseline". The new version is current. The answer carries `bac` beside `planTotal`: a plan that does not add up to the budget is allowed (the UI warns).',
      tags,
      responses: { 201: WrittenBaseline },
      errors: ['project_not_found'],
    }),
    access('write'),
    validate('param', ProjectCodeParam),
    validate('json', NewBaseline),
    async (c) => {
      const { months, reason } = c.req.valid('json')
      const result = await c.var.db.transaction().execute(async (trx) => {
        const project = await findProject(trx, c.req.valid('param').code)
        if (!project) return { refused: 'project_not_found' } as const
        return addBaseline(trx, project, months, reason, auditContext(c.var))
      })
      if ('created' in result) {
        const { baseline, bac, planTotal } = result
        return c.json({ baseline, bac, planTotal } satisfies WrittenBaseline, 201)
      }
      if (result.refused === 'project_not_found') return c.json(projectNotFound, 404)
      if (result.refused === 'reason_required') {
        return c.json(
          invalid('json.reason', 'is required to re-baseline: say why the plan changes'),
          400,
        )
      }
      return c.json(invalid(`json.months.${result.index}.month`, result.message), 400)
    },
  )
  .get(
    '/:code/progress',
    doc({
      summary: 'A project’s progress (percent complete by day), newest first, with who recorded it',
      tags,
      responses: { 200: ProgressList },
      errors: ['project_not_found'],
    }),
    access('read'),
    validate('param', ProjectCodeParam),
    async (c) => {
      const project = await findProject(c.var.db, c.req.valid('param').code)
      if (!project) return c.json(projectNotFound, 404)
      const body: ProgressList = {
        code: project.code,
        entries: await listProgress(c.var.db, project.id),
      }
      return c.json(body, 200)
    },
  )
  .put(
    '/:code/progress/:asOf',
    doc({
      summary: 'Record a project’s percent complete on a day (created or replaced)',
      description:
        '`percentComplete` 0–100 with at most two decimals, and a `note`. The day is from the project’s start to today in the organisation’s time zone (no progress in the future). 201 when new, 200 when replaced; audited with from and to.',
      tags,
      responses: { 200: ProgressEntry, 201: ProgressEntry },
      errors: ['project_not_found'],
    }),
    access('write'),
    validate('param', ProgressParam),
    validate('json', ProgressBody),
    async (c) => {
      const { code, asOf } = c.req.valid('param')
      const progress = c.req.valid('json')
      const result = await saveProgress(c.var.db, { code, asOf, progress }, auditContext(c.var))
      if ('entry' in result) return c.json(result.entry, result.created ? 201 : 200)
      if (result.refused === 'project_not_found') return c.json(projectNotFound, 404)
      return c.json(invalid('param.asOf', result.message), 400)
    },
  )
  .delete(
    '/:code/progress/:asOf',
    doc({
      summary: 'Delete a project’s progress of a day (audited)',
      tags,
      responses: { 204: null },
      errors: ['project_not_found', 'progress_not_found'],
    }),
    access('write'),
    validate('param', ProgressParam),
    async (c) => {
      const { code, asOf } = c.req.valid('param')
      const result = await deleteProgress(c.var.db, { code, asOf }, auditContext(c.var))
      if ('deleted' in result) return c.body(null, 204)
      if (result.refused === 'project_not_found') return c.json(projectNotFound, 404)
      return c.json(progressNotFound, 404)
    },
  )
