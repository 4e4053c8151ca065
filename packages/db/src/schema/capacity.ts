import type { Generated } from 'kysely'
import type { Day, Id } from './columns.ts'

export type AllocationKind = 'project' | 'run' | 'support'

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
