import type { Generated } from 'kysely'
import type { CreatedAt, Day, Id, Timestamp } from './columns.ts'

export type SampleStatus = 'up' | 'degraded' | 'down'
/** 'probe': the built-in prober checks the service; 'push': samples arrive through POST /checks. */
export type CheckMode = 'probe' | 'push'
export type CheckKind = 'http' | 'tcp'

export interface ServicesTable {
  id: Id
  slug: string
  name: string
  description: Generated<string>
  tier: number
  ownerTeamId: number | null
  sloTarget: number
  checkUrl: string | null
  checkMethod: Generated<string>
  checkIntervalSeconds: Generated<number>
  checkTimeoutMs: Generated<number>
  checkExpectedStatuses: Generated<number[]>
  checkMode: Generated<CheckMode>
  checkKind: Generated<CheckKind>
  checkHost: string | null
  checkPort: number | null
  checkKeyword: string | null
  tags: Generated<string[]>
  runbookUrl: string | null
  dashboardUrl: string | null
  sloWindowDays: Generated<number>
  /** A page-level burn-rate alert opens an incident for the service. */
  openIncidentOnPage: Generated<boolean>
  archivedAt: Timestamp | null
  updatedAt: Generated<Date>
  degradedLatencyMs: Generated<number>
  checkEnabled: Generated<boolean>
  createdAt: CreatedAt
}

export interface MaintenanceWindowsTable {
  id: Id
  serviceId: number
  startsAt: Timestamp
  endsAt: Timestamp
  reason: Generated<string>
  /** Set on the occurrences of a weekly schedule. */
  scheduleId: number | null
  createdAt: CreatedAt
}

export interface MaintenanceSchedulesTable {
  id: Id
  serviceId: number
  isoWeekday: number
  /** 'HH:MM:SS' in `timezone`. */
  localStart: string
  durationMinutes: number
  timezone: string
  reason: Generated<string>
  startsOn: Day
  endsOn: Day | null
  expandedUntil: Timestamp | null
  createdAt: CreatedAt
}

export interface CheckScheduleTable {
  serviceId: number
  nextDueAt: Generated<Date>
  leasedBy: string | null
  leaseExpiresAt: Timestamp | null
}

export type GroupRule = 'all' | 'any' | 'at_least'

export interface ServiceGroupsTable {
  id: Id
  slug: string
  name: string
  description: Generated<string>
  sloTarget: number
  rule: GroupRule
  minUp: number | null
  archivedAt: Timestamp | null
  createdAt: CreatedAt
}

export interface ServiceGroupMembersTable {
  groupId: number
  serviceId: number
}

export interface SloAlertsTable {
  id: Id
  serviceId: number
  severity: 'page' | 'ticket'
  rule: string
  threshold: number
  longBurnRate: number
  shortBurnRate: number
  startedAt: Timestamp
  endedAt: Timestamp | null
  peakBurnRate: number
}

export interface CheckSamplesTable {
  serviceId: number
  checkedAt: Timestamp
  status: SampleStatus
  inMaintenance: Generated<boolean>
  latencyMs: number | null
  httpStatus: number | null
  error: string | null
}

export interface CheckRollupTable {
  serviceId: number
  bucketStart: Timestamp
  samples: Generated<number>
  up: Generated<number>
  degraded: Generated<number>
  down: Generated<number>
  maintenance: Generated<number>
  latencyCount: Generated<number>
  latencySumMs: Generated<number>
  latencyMaxMs: number | null
  latencyHist: Generated<number[]>
}
