import type { Generated } from 'kysely'
import type { CreatedAt, Day, Id } from './columns.ts'

export type AllocationKind = 'project' | 'run' | 'support'
export type AllocationStatus = 'confirmed' | 'tentative'

/** A booking over any days: hours a week, or a percent of the person's contracted hours. */
export interface AllocationsTable {
  id: Id
  personId: number
  kind: AllocationKind
  projectId: number | null
  firstDay: Day
  lastDay: Day
  /** Exactly one of hoursPerWeek and percent is set. */
  hoursPerWeek: number | null
  percent: number | null
  status: Generated<AllocationStatus>
  note: Generated<string>
  createdByUserId: number | null
  createdAt: CreatedAt
  updatedAt: Generated<Date>
}

export interface TimeOffTable {
  id: Id
  personId: number
  firstDay: Day
  lastDay: Day
  kind: Generated<'annual_leave' | 'sick' | 'training' | 'other'>
  /** Half of one day (firstDay = lastDay). */
  halfDay: Generated<boolean>
  note: Generated<string>
  createdByUserId: number | null
  createdAt: CreatedAt
}

/** Reference data loaded by the migrations (GB-ENG, GB-SCT, GB-NIR), not by the demo. */
export interface BankHolidaysTable {
  region: string
  day: Day
  name: string
}

/** Days the whole organisation is closed (between Christmas and New Year, say). */
export interface ClosureDaysTable {
  day: Day
  name: string
  createdAt: CreatedAt
}

/** Which team a person was in, when; the open row (lastDay null) is people.teamId. */
export interface TeamMembershipsTable {
  id: Id
  personId: number
  teamId: number
  firstDay: Day
  lastDay: Day | null
}

/** Hours a person logged working on an incident, on a day: incident toil. */
export interface IncidentResponderHoursTable {
  id: Id
  incidentId: number
  personId: number
  day: Day
  hours: number
  note: Generated<string>
  createdByUserId: number | null
  createdAt: CreatedAt
}
