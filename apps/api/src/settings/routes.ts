import { Hono } from 'hono'
import type { AppEnv } from '../app-env.ts'
import { access } from '../auth/access.ts'
import { auditContext } from '../lib/audit.ts'
import { errorBody } from '../lib/errors.ts'
import { doc } from '../lib/openapi.ts'
import { getOrganisation, type Organisation } from '../lib/organisation.ts'
import { validate } from '../lib/validate.ts'
import { SettingsBody, SettingsPatch, SettingsUpdated } from './schemas.ts'
import { updateSettings } from './update-settings.ts'

const tags = ['settings']

export const settings = new Hono<AppEnv>()
  .get(
    '/',
    doc({
      summary:
        'The organisation’s settings: name, time zone, currency, calendar, RAG thresholds, raw-sample retention',
      tags,
      responses: { 200: SettingsBody },
    }),
    // Every page needs the currency, the time zone and the thresholds: anyone who reads.
    access('read'),
    async (c) => c.json({ settings: bodyOf(await getOrganisation(c.var.db)).settings }, 200),
  )
  .patch(
    '/',
    doc({
      summary:
        'Change some settings (a new time zone re-labels the daily rollups in the background)',
      description:
        'All fields optional; only those that differ are changed and audited, in one transaction. A new time zone applies at once to every range and calendar period. The daily uptime rollups stay days of the previous zone until a worker has rebuilt them as days of the new one (seconds to minutes with the amount of history); `dailyRollups` says which zone they are in. Figures are exact meanwhile: readers take whole days of that zone from them and the rest from hourly rollups. A new currency re-labels the amounts, which are stored in minor units and never converted: a currency with another number of decimal places (GBP 2, JPY 0) is refused while any amount is recorded. `rawSampleRetentionDays` (7 to 400) is how long raw check samples are kept: within the hour the worker drops the days older than that, for good (the hourly rollups keep the figures 400 days, the daily ones for ever), and POST /checks refuses older samples.',
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
      return c.json(bodyOf(outcome.settings), 200)
    },
  )

// Which zone's days the daily rollups hold is not a setting: it is said apart from them.
function bodyOf({ dailyRollupTimezone, ...settings }: Organisation) {
  const rebuilding = dailyRollupTimezone !== settings.timezone
  return { settings, dailyRollups: { timezone: dailyRollupTimezone, rebuilding } }
}
