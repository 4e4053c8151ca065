import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt, Day, Id } from './columns.ts'

export type SpendType = 'capex' | 'opex'
export type ProjectStatus = 'proposed' | 'active' | 'on_hold' | 'closed' | 'cancelled'
export type BudgetCategory =
  'labour' | 'licences' | 'hardware' | 'cloud' | 'services' | 'contingency'

export interface ProjectsTable {
  id: Id
  code: string
  name: string
  description: Generated<string>
  ownerPersonId: number | null
  sponsor: Generated<string>
  startDate: Day
  endDate: Day
  status: Generated<ProjectStatus>
  createdAt: CreatedAt
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface ProjectBudgetLinesTable {
  id: Id
  projectId: number
  /** What the line is for, in the project's words ("Azure consumption"). */
  name: string
  category: BudgetCategory
  spendType: SpendType
  amountPence: number
}

/** A baseline version: the highest is current; older ones are kept for the S-curve's history. */
export interface ProjectBaselinesTable {
  projectId: number
  version: number
  reason: Generated<string>
  createdByUserId: number | null
  createdAt: CreatedAt
}

/** A baseline version's planned spend per calendar month (month = its first day). */
export interface ProjectBaselineTable {
  projectId: number
  version: number
  month: Day
  plannedPence: number
}

export interface CostEntriesTable {
  id: Id
  projectId: number
  budgetLineId: number | null
  incurredOn: Day
  amountPence: number
  category: BudgetCategory
  spendType: SpendType
  supplier: Generated<string>
  /** An invoice or journal number, unique within the project when not empty. */
  reference: Generated<string>
  description: Generated<string>
  createdByUserId: number | null
  createdAt: CreatedAt
}

export interface ProjectProgressTable {
  projectId: number
  asOf: Day
  percentComplete: number
  note: Generated<string>
  recordedByUserId: number | null
  recordedAt: CreatedAt
}
