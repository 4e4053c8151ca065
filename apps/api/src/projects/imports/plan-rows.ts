import { type ColumnSpec, readCsv } from '../../lib/csv/read-csv.ts'
import { parseAmount } from './amount.ts'
import { parseMonth } from './parse-month.ts'
import type { Checked, RowResult } from './rows.ts'

type PlanColumn = 'project' | 'month' | 'amount'

/** The baseline plan columns, as the export writes them; the aliases are also read. */
export const PLAN_COLUMNS: ColumnSpec<PlanColumn>[] = [
  { key: 'project', aliases: ['project code', 'code'], required: true, upper: true },
  { key: 'month', aliases: ['period'], required: true },
  { key: 'amount', aliases: ['planned', 'planned amount', 'amount gbp'], required: true },
]

export interface PlanValues {
  projectCode: string
  /** The month's first day. */
  month: string | null
  amountPence: number | null
}

export type PlanRow = RowResult<PlanValues>

export interface PlanProject {
  id: number
  startDate: string
  endDate: string
  /** The current baseline's version and its months (first days) with their planned pence. */
  current: { version: number; months: Map<string, number> } | null
}

export const planCodesIn = (text: string) => [
  ...new Set(readCsv(text, PLAN_COLUMNS).rows.map((r) => r.cells.project)),
]

/**
 * Every row checked: a month inside the project's dates, once per project, a planned amount not
 * below zero. A project's rows are `duplicate` when they are exactly its current baseline (a
 * re-import), `new` otherwise: they become its next baseline version, months left out planned at 0.
 */
export function checkPlans(text: string, projects: Map<string, PlanProject>): Checked<PlanValues> {
  const { rows, warnings, problems } = readCsv(text, PLAN_COLUMNS)
  const seen = new Map<string, number>()
  const checked = rows.map(({ line, cells, errors: read }): PlanRow => {
    const errors: PlanRow['errors'] = [...read]
    const fail = (column: PlanColumn, message: string) => {
      errors.push({ column, message })
      return null
    }
    const project = projects.get(cells.project)
    if (!cells.project) fail('project', 'is empty: give the project code')
    else if (!project) fail('project', `${cells.project} is not a project code`)
    const month = parseMonth(cells.month)
    const amount = parseAmount(cells.amount)
    const values: PlanValues = {
      projectCode: cells.project,
      month: month.ok ? month.value : fail('month', month.message),
      amountPence: amount.ok ? amount.value : fail('amount', amount.message),
    }
    if (values.amountPence !== null && values.amountPence < 0) {
      fail('amount', `${cells.amount} is below zero: a plan spends, it is not credited`)
    }
    if (project && values.month) {
      const first = project.startDate.slice(0, 7)
      const last = project.endDate.slice(0, 7)
      const m = values.month.slice(0, 7)
      if (m < first || m > last) {
        fail('month', `${m} is outside ${cells.project}'s dates (${first} to ${last})`)
      }
      const key = `${cells.project} ${m}`
      const earlier = seen.get(key)
      if (earlier !== undefined) fail('month', `${m} is already on line ${earlier}`)
      else seen.set(key, line)
    }
    return { line, status: errors.length ? 'error' : 'new', values, errors }
  })
  for (const [code, project] of projects) {
    const mine = checked.filter((r) => r.values.projectCode === code)
    if (mine.length && mine.every((r) => r.status === 'new') && sameAs(project, mine)) {
      for (const r of mine) r.status = 'duplicate'
    }
  }
  return { rows: checked, fileErrors: problems, warnings }
}

// The file's plan for a project equals its current baseline: the same months with planned spend
// (a month at 0 and a month left out are the same plan).
function sameAs(project: PlanProject, rows: PlanRow[]) {
  if (!project.current) return false
  const planned = (months: [string, number][]) =>
    JSON.stringify(months.filter(([, pence]) => pence !== 0).sort(([a], [b]) => a.localeCompare(b)))
  const file = rows.map((r): [string, number] => [r.values.month!, r.values.amountPence!])
  return planned(file) === planned([...project.current.months])
}
