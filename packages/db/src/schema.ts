import type { ColumnType, Generated } from 'kysely'

// Table interfaces in camelCase (CamelCasePlugin maps them to snake_case). int8 and numeric are
// parsed to number and `date` stays a 'YYYY-MM-DD' string (see connect.ts).
type Id = Generated<number>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>
type Timestamp = ColumnType<Date, Date | string, Date | string>
type Day = string

export type Severity = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4'
export type IncidentStatus = 'open' | 'acknowledged' | 'mitigated' | 'resolved'
export type SampleStatus = 'up' | 'degraded' | 'down'
export type SpendType = 'capex' | 'opex'
export type AllocationKind = 'project' | 'run' | 'support'
export type Role = 'admin' | 'manager' | 'viewer'

export interface OrganisationSettingsTable {
  id: Generated<boolean>
  name: Generated<string>
  timezone: Generated<string>
  currency: Generated<string>
  bankHolidayRegion: Generated<string>
  demoData: Generated<boolean>
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
  createdAt: CreatedAt
}

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
  checkExpectedStatus: Generated<number>
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

export interface IncidentsTable {
  id: Id
  ref: string
  title: string
  summary: Generated<string>
  severity: Severity
  status: Generated<IncidentStatus>
  startedAt: Timestamp
  detectedAt: Timestamp | null
  acknowledgedAt: Timestamp | null
  mitigatedAt: Timestamp | null
  resolvedAt: Timestamp | null
  commanderPersonId: number | null
  source: Generated<string>
  externalId: string | null
  createdAt: CreatedAt
  updatedAt: Generated<Date>
}

export interface IncidentServicesTable {
  incidentId: number
  serviceId: number
  impact: Generated<'outage' | 'degraded'>
}

export interface IncidentEventsTable {
  id: Id
  incidentId: number
  at: Timestamp
  kind: 'alert' | 'status' | 'note' | 'page'
  body: Generated<string>
  author: string | null
}

export interface IncidentActionsTable {
  id: Id
  incidentId: number
  title: string
  ownerPersonId: number | null
  dueOn: Day | null
  status: Generated<'open' | 'done' | 'wont_do'>
  completedAt: Timestamp | null
  createdAt: CreatedAt
}

export interface ProjectsTable {
  id: Id
  code: string
  name: string
  description: Generated<string>
  ownerPersonId: number | null
  sponsor: Generated<string>
  startDate: Day
  endDate: Day
  status: Generated<'proposed' | 'active' | 'on_hold' | 'completed' | 'cancelled'>
  createdAt: CreatedAt
}

export interface ProjectBudgetLinesTable {
  id: Id
  projectId: number
  category: string
  spendType: SpendType
  amountPence: number
}

export interface ProjectBaselineTable {
  projectId: number
  month: Day
  plannedPence: number
}

export interface CostEntriesTable {
  id: Id
  projectId: number
  budgetLineId: number | null
  incurredOn: Day
  amountPence: number
  spendType: SpendType
  supplier: Generated<string>
  description: Generated<string>
  createdAt: CreatedAt
}

export interface ProjectProgressTable {
  projectId: number
  asOf: Day
  percentComplete: number
  note: Generated<string>
}

export interface AllocationsTable {
  id: Id
  personId: number
  kind: AllocationKind
  projectId: number | null
  firstWeek: Day
  lastWeek: Day
  hoursPerWeek: number
  note: Generated<string>
}

export interface TimeOffTable {
  id: Id
  personId: number
  firstDay: Day
  lastDay: Day
  kind: Generated<'annual_leave' | 'sick' | 'training' | 'other'>
}

export interface BankHolidaysTable {
  region: string
  day: Day
  name: string
}

export interface UsersTable {
  id: Id
  email: string
  name: Generated<string>
  passwordHash: string
  role: Role
  disabledAt: Timestamp | null
  passwordChangedAt: ColumnType<Date, Date | string | undefined, Date | string>
  lastLoginAt: Timestamp | null
  createdAt: CreatedAt
}

export interface SessionsTable {
  tokenHash: Buffer
  userId: number
  createdAt: CreatedAt
  lastSeenAt: Generated<Date>
  expiresAt: Timestamp
  ip: string | null
  userAgent: string | null
}

export interface ApiTokensTable {
  id: Id
  name: string
  tokenHash: Buffer
  scopes: string[]
  createdByUserId: number | null
  createdAt: CreatedAt
  lastUsedAt: Timestamp | null
  revokedAt: Timestamp | null
}

export interface AuditLogTable {
  id: Id
  at: Generated<Date>
  actorUserId: number | null
  actorTokenId: number | null
  entity: string
  entityId: string
  action: string
  changes: Generated<unknown>
  requestId: string | null
}

export interface LoginFailuresTable {
  id: Id
  key: string
  at: ColumnType<Date, Date | string | undefined, never>
  /** Charged before the password check and not settled yet. */
  pending: Generated<boolean>
}

/** A browser an account signed in from: its `opsdeck_device` cookie, as SHA-256. */
export interface LoginDevicesTable {
  tokenHash: Buffer
  userId: number
  createdAt: CreatedAt
  lastUsedAt: Generated<Date>
}

export interface Database {
  organisationSettings: OrganisationSettingsTable
  teams: TeamsTable
  people: PeopleTable
  services: ServicesTable
  maintenanceWindows: MaintenanceWindowsTable
  checkSamples: CheckSamplesTable
  checkRollupHourly: CheckRollupTable
  checkRollupDaily: CheckRollupTable
  incidents: IncidentsTable
  incidentServices: IncidentServicesTable
  incidentEvents: IncidentEventsTable
  incidentActions: IncidentActionsTable
  projects: ProjectsTable
  projectBudgetLines: ProjectBudgetLinesTable
  projectBaseline: ProjectBaselineTable
  costEntries: CostEntriesTable
  projectProgress: ProjectProgressTable
  allocations: AllocationsTable
  timeOff: TimeOffTable
  bankHolidays: BankHolidaysTable
  users: UsersTable
  sessions: SessionsTable
  apiTokens: ApiTokensTable
  auditLog: AuditLogTable
  loginFailures: LoginFailuresTable
  loginDevices: LoginDevicesTable
}
