import type { Generated } from 'kysely'
import type { CreatedAt, Day, Id, Timestamp } from './columns.ts'

export type Severity = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4'
export type IncidentStatus =
  | 'triggered'
  | 'acknowledged'
  | 'investigating'
  | 'identified'
  | 'monitoring'
  | 'resolved'
  | 'closed'

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
  /** Set when the incident is closed: its review is done. */
  closedAt: Timestamp | null
  customerImpact: Generated<string>
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
  kind: IncidentEventKind
  body: Generated<string>
  /** A name for events without a user (an integration, the demo data). */
  author: string | null
  authorUserId: number | null
  /** What changed: { from, to, field, … } as the kind has it. */
  data: Generated<Record<string, unknown>>
}

export type IncidentEventKind =
  | 'created'
  | 'status'
  | 'severity'
  | 'correction'
  | 'note'
  | 'alert'
  | 'page'
  | 'services'
  | 'review'
  | 'action'

export interface IncidentActionsTable {
  id: Id
  incidentId: number
  title: string
  ownerPersonId: number | null
  dueOn: Day | null
  status: Generated<'open' | 'done' | 'wont_do'>
  completedAt: Timestamp | null
  createdAt: CreatedAt
  updatedAt: Generated<Date>
}

export interface IncidentResponseTargetsTable {
  severity: Severity
  ackMinutes: number
  resolveMinutes: number
  updatedAt: Generated<Date>
}

export interface IncidentReviewsTable {
  incidentId: number
  rootCause: Generated<string>
  contributingFactors: Generated<string>
  wentWell: Generated<string>
  lessons: Generated<string>
  completedAt: Timestamp | null
  updatedAt: Generated<Date>
  updatedByUserId: number | null
}

export interface IntegrationDeliveriesTable {
  source: string
  digest: string
  incidentId: number | null
  receivedAt: Generated<Date>
}
