import { afterAll, beforeAll, beforeEach } from 'vitest'
import { expectMatches, loginAs, postJson, setupApp, type TestApp } from '../../test/helpers.ts'
import { SettingsBody } from './schemas.ts'

export const NOW = new Date('2026-11-04T12:00:00Z')
export const DEFAULTS = {
  name: 'Our organisation',
  timezone: 'Europe/London',
  currency: 'GBP',
  bankHolidayRegion: 'GB-ENG',
  workingDaysPerWeek: 5,
  rawSampleRetentionDays: 30,
  ragThresholds: {
    red: { cpi: 0.85, spi: 0.85, eacOverBac: 1.1 },
    amber: { cpi: 0.95, spi: 0.95, eacOverBac: 1 },
  },
}
export interface Refused {
  error: { code: string; message: string; details: { path: string; message: string }[] }
}

/**
 * The settings tests' app over its own database, an admin's session, and helpers; registers the
 * hooks of the file that calls it. Settings are one row: every test starts from the defaults.
 */
export function settingsApp() {
  const app = {} as { ctx: TestApp; admin: Awaited<ReturnType<typeof loginAs>> }
  beforeAll(async () => {
    app.ctx = await setupApp(NOW)
    app.admin = await loginAs(app.ctx, 'admin')
  })
  afterAll(() => app.ctx.drop())
  beforeEach(async () => {
    const { ragThresholds, ...rest } = DEFAULTS
    await app.ctx.db
      .updateTable('organisationSettings')
      .set({
        ...rest,
        dailyRollupTimezone: rest.timezone,
        ragThresholds: JSON.stringify(ragThresholds),
      })
      .execute()
  })
  const read = async (headers: Record<string, string> = app.admin.headers) => {
    const res = await app.ctx.app.request('/api/v1/settings', { headers })
    return { status: res.status, body: expectMatches(SettingsBody, await res.json()) }
  }
  const patch = (body: unknown, headers: Record<string, string> = app.admin.headers) =>
    postJson(app.ctx, '/api/v1/settings', body, headers, 'PATCH')
  const auditRows = () =>
    app.ctx.db
      .selectFrom('auditLog')
      .select(['actorUserId', 'action', 'entityId', 'changes', 'at'])
      .where('entity', '=', 'settings')
      .orderBy('id')
      .execute()
  return { app, read, patch, auditRows }
}
