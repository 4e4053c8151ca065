import type { Generated } from 'kysely'
import type { CreatedAt, Day, Id } from './columns.ts'

export type SpendType = 'capex' | 'opex'

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
