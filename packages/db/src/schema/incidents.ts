import type { Generated } from 'kysely'
import type { CreatedAt, Day, Id, Timestamp } from './columns.ts'

export type Severity = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4'
export type IncidentStatus = 'open' | 'acknowledged' | 'mitigated' | 'resolved'

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
