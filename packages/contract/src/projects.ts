// Projects and budgets: the values the API and the SPA both need.

export const PROJECT_STATUSES = ['proposed', 'active', 'on_hold', 'closed', 'cancelled'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  proposed: 'Proposed',
  active: 'Active',
  on_hold: 'On hold',
  closed: 'Closed',
  cancelled: 'Cancelled',
}

/** The live portfolio: the projects whose figures roll up unless a filter says otherwise. */
export const LIVE_PROJECT_STATUSES = ['active', 'on_hold'] as const satisfies ProjectStatus[]

export const BUDGET_CATEGORIES = [
  'labour',
  'licences',
  'hardware',
  'cloud',
  'services',
  'contingency',
] as const
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number]

export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = {
  labour: 'Labour',
  licences: 'Licences',
  hardware: 'Hardware',
  cloud: 'Cloud',
  services: 'Services',
  contingency: 'Contingency',
}

export const SPEND_TYPES = ['capex', 'opex'] as const
export type SpendType = (typeof SPEND_TYPES)[number]
export const SPEND_TYPE_LABELS: Record<SpendType, string> = { capex: 'Capex', opex: 'Opex' }

/** A project code: capitals, digits, '-' and '_', as finance systems write them ("PRJ-0012"). */
export const PROJECT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,31}$/
export const PROJECT_NAME_MAX_LENGTH = 120
export const PROJECT_TEXT_MAX_LENGTH = 2000
export const COST_REFERENCE_MAX_LENGTH = 64
export const SUPPLIER_MAX_LENGTH = 120

/**
 * A project lasts at most this many years, and its figures are computed to at most this many years
 * after its end: the EVM history is worked day by day, so both bound the work of one request.
 */
export const MAX_PROJECT_YEARS = 10

/** The day `years` after `day` ('YYYY-MM-DD'); compared as text, 29 Feb needs no special case. */
export const yearsAfter = (day: string, years: number) =>
  `${String(Number(day.slice(0, 4)) + years).padStart(4, '0')}${day.slice(4)}`

/**
 * The largest amount of money one record holds, either way: a budget line, a cost entry, a month
 * of a plan. £10bn, far above any one invoice, and small enough that sums stay exact JS numbers.
 */
export const MAX_AMOUNT_PENCE = 1_000_000_000_000

/** The largest CSV an import takes, and its most rows. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024
export const MAX_IMPORT_ROWS = 10_000
