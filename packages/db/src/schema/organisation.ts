import type { Generated } from 'kysely'
import type { CreatedAt, Day, Id } from './columns.ts'

export interface OrganisationSettingsTable {
  id: Generated<boolean>
  name: Generated<string>
  timezone: Generated<string>
  /** The zone whose calendar days check_rollup_daily holds: `timezone` once the worker re-labels. */
  dailyRollupTimezone: Generated<string>
  currency: Generated<string>
  bankHolidayRegion: Generated<string>
  demoData: Generated<boolean>
  rawSampleRetentionDays: Generated<number>
  /** The Alertmanager labels read for an incident's severity and service. */
  alertmanagerSeverityLabel: Generated<string>
  alertmanagerServiceLabel: Generated<string>
  workingDaysPerWeek: Generated<number>
  ragThresholds: Generated<unknown>
  updatedAt: Generated<Date>
}

export interface TeamsTable {
  id: Id
  slug: string
  name: string
  createdAt: CreatedAt
}

export interface PeopleTable {
  id: Id
  teamId: number
  name: string
  email: string | null
  role: string
  contractedHoursPerWeek: number
  costRatePencePerHour: Generated<number>
  startDate: Day | null
  endDate: Day | null
  skills: Generated<string[]>
  /** ISO weekdays worked, Monday 1 … Sunday 7 (part-time Monday–Wednesday: [1, 2, 3]). */
  workingDays: Generated<number[]>
  /** GB-ENG, GB-SCT or GB-NIR; null for the organisation's region. */
  bankHolidayRegion: string | null
  createdAt: CreatedAt
  updatedAt: Generated<Date>
}
