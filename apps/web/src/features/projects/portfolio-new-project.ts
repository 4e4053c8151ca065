import type { BudgetCategory, ProjectStatus, SpendType } from '@opsdeck/contract'
import { parsePounds } from './money.ts'
import type { NewProject } from './queries.ts'

// The "New project" form: text values for the inputs, the body POST /projects takes (money in
// pence), and where the API's field paths land.

export interface LineRow {
  name: string
  category: BudgetCategory
  spendType: SpendType
  /** Pounds as typed: `12,500` or `£12,500.00`. */
  amount: string
}

export interface NewProjectForm {
  code: string
  name: string
  /** A person's id as text; '' for nobody yet. */
  owner: string
  sponsor: string
  startDate: string
  endDate: string
  status: ProjectStatus
  description: string
  lines: LineRow[]
}

export const LINE_KEYS = ['name', 'category', 'spendType', 'amount'] as const
type LineKey = (typeof LINE_KEYS)[number]
export type NewProjectField =
  Exclude<keyof NewProjectForm, 'lines'> | 'lines' | `lines.${number}.${LineKey}`

export const emptyLine = (): LineRow => ({
  name: '',
  category: 'labour',
  spendType: 'capex',
  amount: '',
})

export const emptyNewProject = (): NewProjectForm => ({
  code: '',
  name: '',
  owner: '',
  sponsor: '',
  startDate: '',
  endDate: '',
  status: 'active',
  description: '',
  lines: [emptyLine()],
})

/** A budget amount as typed into whole pence, exactly; null when not an amount or a credit. */
export function poundsToPence(text: string): number | null {
  const pence = parsePounds(text)
  return pence !== null && pence >= 0 ? pence : null
}

// A line with nothing typed in it is not sent: the form starts with one.
const isBlank = (l: LineRow) => !l.name.trim() && !l.amount.trim()

/** Problems found before asking the API: only what it would say too, said sooner. */
export function localProblems(form: NewProjectForm): Partial<Record<NewProjectField, string>> {
  const problems: Partial<Record<NewProjectField, string>> = {}
  if (!form.code.trim()) problems.code = 'Enter a code, e.g. PRJ-0040'
  if (!form.name.trim()) problems.name = 'Enter a name'
  if (!form.startDate) problems.startDate = 'Enter the start date'
  if (!form.endDate) problems.endDate = 'Enter the end date'
  form.lines.forEach((l, i) => {
    if (isBlank(l)) return
    if (!l.name.trim()) problems[`lines.${i}.name`] = 'Name the line'
    if (poundsToPence(l.amount) === null)
      problems[`lines.${i}.amount`] = 'Enter an amount in pounds, e.g. 12,500.00'
  })
  return problems
}

/** The body for POST /projects; blank lines dropped, empty optional fields left out. */
export function toNewProject(form: NewProjectForm): NewProject {
  const body: NewProject = {
    code: form.code.trim(),
    name: form.name.trim(),
    startDate: form.startDate,
    endDate: form.endDate,
    status: form.status,
    lines: form.lines
      .filter((l) => !isBlank(l))
      .map((l) => ({
        name: l.name.trim(),
        category: l.category,
        spendType: l.spendType,
        amountPence: poundsToPence(l.amount) ?? 0,
      })),
  }
  if (form.owner) body.ownerPersonId = Number(form.owner)
  if (form.sponsor.trim()) body.sponsor = form.sponsor.trim()
  if (form.description.trim()) body.description = form.description.trim()
  return body
}

const FIELDS = ['code', 'name', 'sponsor', 'startDate', 'endDate', 'status', 'description']
const LINE_FIELD: Record<string, LineKey> = {
  name: 'name',
  category: 'category',
  spendType: 'spendType',
  amountPence: 'amount',
}

/**
 * The input for an API path under `json`: `lines.1.amountPence` is the amount of the form's line
 * that was sent second (blank lines are not sent).
 */
export function newProjectFieldOf(path: string, form: NewProjectForm): NewProjectField | null {
  const [key, index, field] = path.split('.')
  if (key === 'ownerPersonId') return 'owner'
  if (key === 'lines') {
    const sent = form.lines.flatMap((l, i) => (isBlank(l) ? [] : [i]))
    const row = index === undefined ? undefined : sent[Number(index)]
    const lineKey = field === undefined ? undefined : LINE_FIELD[field]
    return row === undefined || !lineKey ? 'lines' : `lines.${row}.${lineKey}`
  }
  return FIELDS.includes(key ?? '') ? (key as NewProjectField) : null
}

export interface Person {
  id: number
  name: string
  team: string
}

/** The owner picker's options; two people of one name are told apart by their team. */
export function ownerChoices(people: readonly Person[]): (readonly [string, string])[] {
  const count = new Map<string, number>()
  for (const p of people) count.set(p.name, (count.get(p.name) ?? 0) + 1)
  return people.map((p) => [
    String(p.id),
    (count.get(p.name) ?? 0) > 1 ? `${p.name} (${p.team})` : p.name,
  ])
}
