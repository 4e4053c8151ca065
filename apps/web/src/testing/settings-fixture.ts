import type { InferResponseType } from 'hono/client'
import type { api } from '../lib/api.ts'

// The settings page's API answers, typed from the API's own response types: a changed field fails
// here first.
type Settings = InferResponseType<typeof api.settings.$get, 200>['settings']
type SettingsUpdated = InferResponseType<typeof api.settings.$patch, 200>

export const settingsFixture = (over: Partial<Settings> = {}): Settings => ({
  name: 'Borsetshire Council',
  timezone: 'Europe/London',
  currency: 'GBP',
  bankHolidayRegion: 'GB-ENG',
  workingDaysPerWeek: 5,
  rawSampleRetentionDays: 30,
  ragThresholds: {
    red: { cpi: 0.85, spi: 0.85, eacOverBac: 1.1 },
    amber: { cpi: 0.95, spi: 0.95, eacOverBac: 1 },
  },
  updatedAt: '2026-11-01T09:00:00.000Z',
  ...over,
})

/** A PATCH answer: the daily rollups in the settings' zone unless told otherwise. */
export const updatedFixture = (
  settings: Settings,
  dailyRollups: SettingsUpdated['dailyRollups'] = {
    timezone: settings.timezone,
    rebuilding: false,
  },
): SettingsUpdated => ({ settings, dailyRollups })

type IncidentSettings = InferResponseType<(typeof api.incidents)['response-targets']['$get'], 200>

/** GET /incidents/response-targets: the defaults and the default labels. */
export const incidentSettingsFixture = (
  over: Partial<IncidentSettings> = {},
): IncidentSettings => ({
  targets: [
    { severity: 'SEV1', ackMinutes: 5, resolveMinutes: 240 },
    { severity: 'SEV2', ackMinutes: 15, resolveMinutes: 480 },
    { severity: 'SEV3', ackMinutes: 60, resolveMinutes: 4320 },
    { severity: 'SEV4', ackMinutes: 1440, resolveMinutes: 14_400 },
  ],
  intake: { alertmanagerSeverityLabel: 'severity', alertmanagerServiceLabel: 'service' },
  ...over,
})
