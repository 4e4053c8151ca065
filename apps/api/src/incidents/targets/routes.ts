import type { Database } from '@opsdeck/db'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { AppEnv } from '../../app-env.ts'
import { access } from '../../auth/access.ts'
import { auditContext } from '../../lib/audit.ts'
import { errorBody } from '../../lib/errors.ts'
import { doc } from '../../lib/openapi.ts'
import { validate } from '../../lib/validate.ts'
import { getIntakeSettings, listResponseTargets } from './queries.ts'
import { replaceResponseTargets } from './replace-response-targets.ts'
import {
  IntakeSettingsPatch,
  MAX_TARGET_MINUTES,
  ResponseTargetsBody,
  ResponseTargetsPut,
} from './schemas.ts'
import { changeIntakeSettings } from './update-intake-settings.ts'

const tags = ['incidents']

async function readSettings(db: Kysely<Database>) {
  const [targets, intake] = await Promise.all([listResponseTargets(db), getIntakeSettings(db)])
  return { targets, intake }
}

// The incidents area's admin configuration: response targets per severity and the labels the
// Alertmanager intake reads.
export const targets = new Hono<AppEnv>()
  .get(
    '/response-targets',
    doc({
      summary: 'Response targets per severity, and the Alertmanager labels the intake reads',
      description:
        'Minutes from an incident’s start to its acknowledgement (ackMinutes) and to its resolution (resolveMinutes), SEV1 first; an incident past either has breached it.',
      tags,
      responses: { 200: ResponseTargetsBody },
    }),
    // Every incident page shows breaches and time left: anyone who reads.
    access('read'),
    async (c) => c.json(await readSettings(c.var.db), 200),
  )
  .put(
    '/response-targets',
    doc({
      summary: 'Replace the four response targets',
      description: `Each of SEV1–SEV4 exactly once, whole minutes from 1 to ${MAX_TARGET_MINUTES} (90 days), resolveMinutes at least ackMinutes. All or nothing; each changed limit is audited.`,
      tags,
      responses: { 200: ResponseTargetsBody },
    }),
    access('admin'),
    validate('json', ResponseTargetsPut),
    async (c) => {
      const { db } = c.var
      const targets = await replaceResponseTargets(
        db,
        c.req.valid('json').targets,
        auditContext(c.var),
      )
      return c.json({ targets, intake: await getIntakeSettings(db) }, 200)
    },
  )
  .get(
    '/intake-settings',
    doc({
      summary: 'The Alertmanager labels the intake reads, with the response targets',
      description: 'The same answer as GET /incidents/response-targets.',
      tags,
      responses: { 200: ResponseTargetsBody },
    }),
    access('read'),
    async (c) => c.json(await readSettings(c.var.db), 200),
  )
  .patch(
    '/intake-settings',
    doc({
      summary: 'Change the Alertmanager labels read for an incident’s severity and service',
      description:
        'Prometheus label names ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __), different from each other; defaults `severity` and `service`. Audited as organisation settings.',
      tags,
      responses: { 200: ResponseTargetsBody },
    }),
    access('admin'),
    validate('json', IntakeSettingsPatch),
    async (c) => {
      const { db } = c.var
      const outcome = await changeIntakeSettings(db, c.req.valid('json'), auditContext(c.var))
      if (!outcome.ok) {
        // A value the schema accepts that clashes with the stored one: refused like the schema's.
        const { path, message } = outcome.refusal
        const body = errorBody('validation_failed', `Invalid request: ${path}: ${message}`, [
          { path, message },
        ])
        return c.json(body, 400)
      }
      return c.json({ targets: await listResponseTargets(db), intake: outcome.intake }, 200)
    },
  )
