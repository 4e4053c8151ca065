import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  type BudgetCategory,
  COST_REFERENCE_MAX_LENGTH,
  MAX_YEAR,
  PROJECT_TEXT_MAX_LENGTH,
  SPEND_TYPE_LABELS,
  SPEND_TYPES,
  SUPPLIER_MAX_LENGTH,
  type SpendType,
} from '@opsdeck/contract'
import { nameProblem, textProblem } from '../../lib/text.ts'
import { FIRST_COST_DAY } from '../actuals/schemas.ts'
import { formatAmount, parseAmount } from './amount.ts'
import { parseDay } from '../../lib/csv/parse-date.ts'
import { type ColumnSpec, readCsv } from '../../lib/csv/read-csv.ts'
import type { Checked, RowResult } from './rows.ts'

type ActualColumn =
  | 'project'
  | 'date'
  | 'amount'
  | 'category'
  | 'spend_type'
  | 'supplier'
  | 'reference'
  | 'description'

/** The actuals columns, as the export writes them; the aliases are also read. */
export const ACTUAL_COLUMNS: ColumnSpec<ActualColumn>[] = [
  { key: 'project', aliases: ['project code', 'code'], required: true, upper: true },
  { key: 'date', aliases: ['incurred on', 'invoice date'], required: true },
  { key: 'amount', aliases: ['amount gbp', 'amount (£)', 'net amount'], required: true },
  { key: 'category', aliases: [], required: true },
  { key: 'spend_type', aliases: ['capex/opex', 'type'], required: true },
  { key: 'supplier', aliases: ['vendor'], required: false },
  { key: 'reference', aliases: ['invoice', 'invoice number', 'ref'], required: true },
  { key: 'description', aliases: ['details'], required: false },
]

export interface ActualValues {
  projectCode: string
  incurredOn: string | null
  amountPence: number | null
  category: BudgetCategory | null
  spendType: SpendType | null
  supplier: string
  reference: string
  description: string
}

export type ActualRow = RowResult<ActualValues>

/** A cost entry already recorded, as a re-imported row is compared with. */
export type RecordedActual = Omit<ActualValues, 'projectCode'>

export interface ActualsLookup {
  /** Project ids by code, for the codes the file names. */
  projects: Map<string, number>
  /** Recorded entries by `projectId reference`, for the references the file names. */
  recorded: Map<string, RecordedActual>
}

export const recordedKey = (projectId: number, reference: string) => `${projectId} ${reference}`

/** The project codes and references a file names, to look them up before checking its rows. */
export function namesIn(text: string) {
  const { rows } = readCsv(text, ACTUAL_COLUMNS)
  return {
    codes: [...new Set(rows.map((r) => r.cells.project))],
    references: [...new Set(rows.map((r) => r.cells.reference).filter(Boolean))],
  }
}

const oneOf = <T extends string>(values: readonly T[], labels: Record<T, string>, cell: string) =>
  values.find((v) => v === cell.toLowerCase() || labels[v].toLowerCase() === cell.toLowerCase())

/**
 * Every row checked against the rules and the lookup: `new` to be written, `duplicate` when its
 * reference is recorded for the project with the same values (a re-import), `error` otherwise. A
 * recorded reference with other values is an error naming them: neither skipped nor overwritten.
 */
export function checkActuals(text: string, lookup: ActualsLookup): Checked<ActualValues> {
  const { rows, warnings, problems } = readCsv(text, ACTUAL_COLUMNS)
  const firstLine = new Map<string, number>()
  const checked = rows.map(({ line, cells, errors: read }): ActualRow => {
    const errors: ActualRow['errors'] = [...read]
    const fail = (column: ActualColumn, message: string) => {
      errors.push({ column, message })
      return null
    }
    const projectId = lookup.projects.get(cells.project)
    if (!cells.project) fail('project', 'is empty: give the project code')
    else if (projectId === undefined) fail('project', `${cells.project} is not a project code`)
    const day = parseDay(cells.date)
    const amount = parseAmount(cells.amount)
    const values: ActualValues = {
      projectCode: cells.project,
      incurredOn: day.ok ? day.value : fail('date', day.message),
      amountPence: amount.ok ? amount.value : fail('amount', amount.message),
      category:
        oneOf(BUDGET_CATEGORIES, BUDGET_CATEGORY_LABELS, cells.category) ??
        fail('category', categoryMessage(cells.category)),
      spendType:
        oneOf(SPEND_TYPES, SPEND_TYPE_LABELS, cells.spend_type) ??
        fail('spend_type', `${cells.spend_type || 'An empty cell'} is not capex or opex`),
      supplier: cells.supplier,
      reference: cells.reference,
      description: cells.description,
    }
    // The days POST /actuals takes: the EVM works day by day from the earliest entry.
    if (values.incurredOn && values.incurredOn < FIRST_COST_DAY) {
      values.incurredOn = fail('date', `${cells.date} is before ${FIRST_COST_DAY}`)
    } else if (values.incurredOn && Number(values.incurredOn.slice(0, 4)) > MAX_YEAR) {
      values.incurredOn = fail('date', `${cells.date} is after ${MAX_YEAR}`)
    }
    if (values.amountPence === 0) fail('amount', 'is zero: a cost entry records an amount')
    // The text rules of POST /actuals: supplier and reference one line of safe text.
    const supplierProblem = nameProblem(cells.supplier)
    if (supplierProblem) fail('supplier', supplierProblem)
    else if (cells.supplier.length > SUPPLIER_MAX_LENGTH) {
      fail('supplier', `is longer than ${SUPPLIER_MAX_LENGTH} characters`)
    }
    const descriptionProblem = textProblem(cells.description)
    if (descriptionProblem) fail('description', descriptionProblem)
    else if (cells.description.length > PROJECT_TEXT_MAX_LENGTH) {
      fail('description', `is longer than ${PROJECT_TEXT_MAX_LENGTH} characters`)
    }
    const referenceProblem = nameProblem(cells.reference)
    if (!cells.reference) {
      fail('reference', 'is empty: give the invoice or journal number a re-import is matched by')
    } else if (referenceProblem) fail('reference', referenceProblem)
    else if (cells.reference.length > COST_REFERENCE_MAX_LENGTH) {
      fail('reference', `is longer than ${COST_REFERENCE_MAX_LENGTH} characters`)
    }
    let status: ActualRow['status'] = 'new'
    if (projectId !== undefined && cells.reference) {
      const key = recordedKey(projectId, cells.reference)
      const first = firstLine.get(key)
      if (first !== undefined) {
        fail('reference', `${cells.reference} is already on line ${first} for ${cells.project}`)
      } else firstLine.set(key, line)
      const recorded = lookup.recorded.get(key)
      if (recorded && errors.length === 0) {
        const differ = differences(recorded, values)
        if (differ.length === 0) status = 'duplicate'
        else {
          const message = `${cells.reference} is already recorded for ${cells.project} with another ${differ.join(', ')}: correct that entry, or use a new reference`
          fail('reference', message)
        }
      }
    }
    return { line, status: errors.length ? 'error' : status, values, errors }
  })
  return { rows: checked, fileErrors: problems, warnings }
}

function categoryMessage(cell: string) {
  return `${cell || 'An empty cell'} is not a category: one of ${BUDGET_CATEGORIES.join(', ')}`
}

// Every value is compared (the description too): a re-import only skips what it would write.
function differences(recorded: RecordedActual, row: ActualValues): string[] {
  const fields: [keyof RecordedActual, string, (v: unknown) => string][] = [
    ['incurredOn', 'date', String],
    ['amountPence', 'amount', (v) => formatAmount(v as number)],
    ['category', 'category', String],
    ['spendType', 'spend type', String],
    ['supplier', 'supplier', String],
    ['description', 'description', String],
  ]
  return fields
    .filter(([field]) => recorded[field] !== row[field])
    .map(([field, name, show]) => `${name} (${show(recorded[field])})`)
}
