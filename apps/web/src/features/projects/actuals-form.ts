import { BUDGET_CATEGORIES, type BudgetCategory, type SpendType } from '@opsdeck/contract'
import { isDay } from '../../lib/range.ts'
import { parsePounds, poundsText } from './money.ts'

// The actuals' list filters (in the URL) and the cost entry form: its values, what is wrong
// before asking the API, and the bodies POST and PATCH /projects/:code/actuals take.

/** A cost entry as the list shows it and the edit form starts from. */
export interface CostEntryLike {
  incurredOn: string
  amountPence: number
  category: BudgetCategory
  spendType: SpendType
  supplier: string
  reference: string
  description: string
  budgetLine: { id: number; name: string } | null
}

export interface ActualForm {
  incurredOn: string
  amount: string
  /** '' while a budget line is chosen: the line's category then. */
  category: BudgetCategory | ''
  spendType: SpendType | ''
  supplier: string
  reference: string
  description: string
  /** A budget line's id as text; '' for none. */
  budgetLine: string
}

export type ActualField = keyof ActualForm

export const emptyActualForm = (today: string): ActualForm => ({
  incurredOn: today,
  amount: '',
  category: '',
  spendType: '',
  supplier: '',
  reference: '',
  description: '',
  budgetLine: '',
})

export const actualFormOf = (e: CostEntryLike): ActualForm => ({
  incurredOn: e.incurredOn,
  amount: poundsText(e.amountPence),
  category: e.category,
  spendType: e.spendType,
  supplier: e.supplier,
  reference: e.reference,
  description: e.description,
  budgetLine: e.budgetLine ? String(e.budgetLine.id) : '',
})

/** What is missing or malformed, by field, before the API is asked. */
export function actualProblems(form: ActualForm): Partial<Record<ActualField, string>> {
  const problems: Partial<Record<ActualField, string>> = {}
  if (!isDay(form.incurredOn)) problems.incurredOn = 'Enter the date the cost was incurred'
  const pence = parsePounds(form.amount)
  if (pence === null) problems.amount = 'Enter an amount in pounds, e.g. 1,234.56 or -12.50'
  else if (pence === 0) problems.amount = 'Enter an amount other than zero (a credit is negative)'
  if (!form.budgetLine) {
    if (!form.category) problems.category = 'Choose a category, or a budget line'
    if (!form.spendType) problems.spendType = 'Choose capex or opex, or a budget line'
  }
  return problems
}

/** POST's body; category and spend type left out stay the budget line's. */
export function toNewCostEntry(form: ActualForm) {
  return {
    incurredOn: form.incurredOn,
    amountPence: parsePounds(form.amount) ?? 0,
    ...(form.category ? { category: form.category } : {}),
    ...(form.spendType ? { spendType: form.spendType } : {}),
    supplier: form.supplier.trim(),
    reference: form.reference.trim(),
    description: form.description.trim(),
    budgetLineId: form.budgetLine ? Number(form.budgetLine) : null,
  }
}

/** PATCH's body: only what changed from the entry. */
export function toCostEntryPatch(form: ActualForm, entry: CostEntryLike) {
  const next = toNewCostEntry(form)
  const patch: Partial<ReturnType<typeof toNewCostEntry>> = {}
  if (next.incurredOn !== entry.incurredOn) patch.incurredOn = next.incurredOn
  if (next.amountPence !== entry.amountPence) patch.amountPence = next.amountPence
  if (next.category && next.category !== entry.category) patch.category = next.category
  if (next.spendType && next.spendType !== entry.spendType) patch.spendType = next.spendType
  for (const key of ['supplier', 'reference', 'description'] as const)
    if (next[key] !== entry[key]) patch[key] = next[key]
  if (next.budgetLineId !== (entry.budgetLine?.id ?? null)) patch.budgetLineId = next.budgetLineId
  return patch
}

/** The API's field names (after `json.`) to the form's. */
export const ACTUAL_FIELD_OF: Record<string, ActualField> = {
  incurredOn: 'incurredOn',
  amountPence: 'amount',
  category: 'category',
  spendType: 'spendType',
  supplier: 'supplier',
  reference: 'reference',
  description: 'description',
  budgetLineId: 'budgetLine',
}

// The list's filters, in the URL under cost* names so they sit beside the page's own params.

export interface ActualsFilters {
  from?: string
  to?: string
  category?: BudgetCategory
  supplier?: string
  q?: string
}

const FILTER_PARAMS = {
  from: 'costFrom',
  to: 'costTo',
  category: 'costCategory',
  supplier: 'costSupplier',
  q: 'costQ',
} as const satisfies Record<keyof ActualsFilters, string>
const FILTER_KEYS = Object.keys(FILTER_PARAMS) as (keyof ActualsFilters)[]

/** The filters written in the URL; anything malformed is left out rather than sent. */
export function parseActualsFilters(params: URLSearchParams): ActualsFilters {
  const filters: ActualsFilters = {}
  for (const key of ['from', 'to'] as const) {
    const day = params.get(FILTER_PARAMS[key])
    if (day && isDay(day)) filters[key] = day
  }
  const category = params.get(FILTER_PARAMS.category)
  if ((BUDGET_CATEGORIES as readonly string[]).includes(category ?? ''))
    filters.category = category as BudgetCategory
  for (const key of ['supplier', 'q'] as const) {
    const value = params.get(FILTER_PARAMS[key])?.trim()
    if (value) filters[key] = value.slice(0, 100)
  }
  return filters
}

/** New search params with the filters set, every other param kept; empty ones left out. */
export function withActualsFilters(params: URLSearchParams, filters: ActualsFilters) {
  const next = new URLSearchParams(params)
  for (const key of FILTER_KEYS) {
    next.delete(FILTER_PARAMS[key])
    const value = filters[key]?.trim()
    if (value) next.set(FILTER_PARAMS[key], value)
  }
  return next
}

export const hasActualsFilters = (f: ActualsFilters) => FILTER_KEYS.some((key) => Boolean(f[key]))
