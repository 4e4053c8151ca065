import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { auditContext } from '../lib/audit.ts'
import { errorBody } from '../lib/errors.ts'
import { doc } from '../lib/openapi.ts'
import { getOrganisation } from '../lib/organisation.ts'
import { validate } from '../lib/validate.ts'
import { SettingsBody, SettingsPatch, SettingsUpdated } from './schemas.ts'
import { updateSettings } from './update-settings.ts'

const tags = ['settings']

export const settings = new Hono<AppEnv>()
  .get(
    '/',
    doc({
      summary: 'The organisation’s settings: name, time zone, currency, calendar, RAG thresholds',
      tags,
      responses: { 200: SettingsBody },
    }),
    // Every page needs the currency, the time zone and the thresholds: anyone who reads.
    access('read'),
    async (c) => c.json({ settings: await getOrganisation(c.var.db) }, 200),
  )
  .patch(
    '/',
    doc({
      summary: 'Change some settings (a new time zone rebuilds the daily rollups)',
      description:
        'All fields optional; only those that differ are changed and audited, in one transaction. A new time zone re-labels the calendar days: every daily uptime rollup is rebuilt from the hourly ones in that zone before the change commits, which takes seconds to minutes with the amount of history.',
      tags,
      responses: { 200: SettingsUpdated },
    }),
    access('admin'),
    validate('json', SettingsPatch),
    async (c) => {
      const outcome = await updateSettings(c.var.db, c.req.valid('json'), auditContext(c.var))
      if (!outcome.ok) {
        // Values the schema accepts but this database cannot use: refused like the schema's own.
        const { path, message } = outcome.refusal
        const body = errorBody('validation_failed', `Invalid request: ${path}: ${message}`, [
          { path, message },
        ])
        return c.json(body, 400)
      }
      const { settings, rebuilt } = outcome
      if (rebuilt)
        c.var.log.info({ timezone: settings.timezone, ...rebuilt }, 'daily rollups rebuilt')
      return c.json({ settings, dailyRollupsRebuilt: rebuilt }, 200)
    },
  )
