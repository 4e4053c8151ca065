import type {
  ApiTokensTable,
  AuditLogTable,
  LoginDevicesTable,
  LoginFailuresTable,
  SessionsTable,
  UsersTable,
} from './auth.ts'
import type {
  AllocationsTable,
  BankHolidaysTable,
  ClosureDaysTable,
  IncidentResponderHoursTable,
  TeamMembershipsTable,
  TimeOffTable,
} from './capacity.ts'
import type {
  IncidentActionsTable,
  IncidentEventsTable,
  IncidentResponseTargetsTable,
  IncidentReviewsTable,
  IncidentServicesTable,
  IncidentsTable,
  IntegrationDeliveriesTable,
} from './incidents.ts'
import type { OrganisationSettingsTable, PeopleTable, TeamsTable } from './organisation.ts'
import type {
  CostEntriesTable,
  ProjectBaselineTable,
  ProjectBaselinesTable,
  ProjectBudgetLinesTable,
  ProjectProgressTable,
  ProjectsTable,
} from './projects.ts'
import type {
  ReportDeliveriesTable,
  ReportSchedulesTable,
  ReportShareLinksTable,
  ReportSnapshotsTable,
} from './reports.ts'
import type {
  CheckRollupTable,
  CheckSamplesTable,
  CheckScheduleTable,
  MaintenanceSchedulesTable,
  MaintenanceWindowsTable,
  ServiceGroupMembersTable,
  ServiceGroupsTable,
  ServicesTable,
  SloAlertsTable,
} from './services.ts'

// One file per area, in the order of the migrations that create their tables. Table interfaces are
// camelCase (CamelCasePlugin maps them to snake_case) and are meant to be read through `Database`;
// they stay exported for the seed's row types and for `@opsdeck/db` users who name them today.
export type * from './organisation.ts'
export type * from './services.ts'
export type * from './incidents.ts'
export type * from './projects.ts'
export type * from './capacity.ts'
export type * from './auth.ts'
export type * from './reports.ts'

export interface Database {
  organisationSettings: OrganisationSettingsTable
  teams: TeamsTable
  people: PeopleTable
  services: ServicesTable
  maintenanceWindows: MaintenanceWindowsTable
  maintenanceSchedules: MaintenanceSchedulesTable
  checkSchedule: CheckScheduleTable
  serviceGroups: ServiceGroupsTable
  serviceGroupMembers: ServiceGroupMembersTable
  sloAlerts: SloAlertsTable
  checkSamples: CheckSamplesTable
  checkRollupHourly: CheckRollupTable
  checkRollupDaily: CheckRollupTable
  incidents: IncidentsTable
  incidentServices: IncidentServicesTable
  incidentEvents: IncidentEventsTable
  incidentActions: IncidentActionsTable
  incidentResponseTargets: IncidentResponseTargetsTable
  incidentReviews: IncidentReviewsTable
  integrationDeliveries: IntegrationDeliveriesTable
  projects: ProjectsTable
  projectBudgetLines: ProjectBudgetLinesTable
  projectBaselines: ProjectBaselinesTable
  projectBaseline: ProjectBaselineTable
  costEntries: CostEntriesTable
  projectProgress: ProjectProgressTable
  allocations: AllocationsTable
  timeOff: TimeOffTable
  bankHolidays: BankHolidaysTable
  closureDays: ClosureDaysTable
  teamMemberships: TeamMembershipsTable
  incidentResponderHours: IncidentResponderHoursTable
  users: UsersTable
  sessions: SessionsTable
  apiTokens: ApiTokensTable
  auditLog: AuditLogTable
  loginFailures: LoginFailuresTable
  loginDevices: LoginDevicesTable
  reportSnapshots: ReportSnapshotsTable
  reportShareLinks: ReportShareLinksTable
  reportSchedules: ReportSchedulesTable
  reportDeliveries: ReportDeliveriesTable
}
