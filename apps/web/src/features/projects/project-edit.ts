import type { BudgetCategory, ProjectStatus, SpendType } from '@opsdeck/contract'
import { isDay } from '../../lib/range.ts'
import { parsePounds, poundsText } from './money.ts'
import type { BudgetLine, ProjectRecord } from './queries.ts'

// The project's edit form and its budget lines' form: their values, what is wrong before asking
// the API, and the bodies PATCH /projects/:code and POST/PATCH /lines take (money in pence).

export interface ProjectForm {
  name: string
  description: string
  /** A person's id as text; '' for nobody. */
  owner: string
  sponsor: string
  startDate: string
  endDate: string
  status: ProjectStatus
}
export type ProjectField = keyof ProjectForm

export const formOfProject = (p: ProjectRecord): ProjectForm => ({
  name: p.name,
  description: p.description,
  owner: p.owner ? String(p.owner.id) : '',
  sponsor: p.sponsor,
  startDate: p.startDate,
  endDate: p.endDate,
  status: p.status,
})

export function projectProblems(form: ProjectForm): Partial<Record<ProjectField, string>> {
  const problems: Partial<Record<ProjectField, string>> = {}
  if (!form.name.trim()) problems.name = 'Enter a name'
  if (!isDay(form.startDate)) problems.startDate = 'Enter the start date'
  if (!isDay(form.endDate)) problems.endDate = 'Enter the end date'
  else if (isDay(form.startDate) && form.endDate < form.startDate)
    problems.endDate = 'Enter an end on or after the start'
  return problems
}

/** PATCH's body: only the fields that changed, so a concurrent edit of another is kept. */
export function toProjectPatch(form: ProjectForm, p: ProjectRecord) {
  const patch: {
    name?: string
    description?: string
    ownerPersonId?: number | null
    sponsor?: string
    startDate?: string
    endDate?: string
    status?: ProjectStatus
  } = {}
  if (form.name.trim() !== p.name) patch.name = form.name.trim()
  if (form.description.trim() !== p.description) patch.description = form.description.trim()
  const owner = form.owner ? Number(form.owner) : null
  if (owner !== (p.owner?.id ?? null)) patch.ownerPersonId = owner
  if (form.sponsor.trim() !== p.sponsor) patch.sponsor = form.sponsor.trim()
  if (form.startDate !== p.startDate) patch.startDate = form.startDate
  if (form.endDate !== p.endDate) patch.endDate = form.endDate
  if (form.status !== p.status) patch.status = form.status
  return patch
}

export const PROJECT_FIELD_OF: Record<string, ProjectField> = {
  name: 'name',
  description: 'description',
  ownerPersonId: 'owner',
  sponsor: 'sponsor',
  startDate: 'startDate',
  endDate: 'endDate',
  status: 'status',
}

export interface LineForm {
  name: string
  category: BudgetCategory
  spendType: SpendType
  /** Pounds as typed. */
  amount: string
}
export type LineField = keyof LineForm

export const emptyLineForm = (): LineForm => ({
  name: '',
  category: 'labour',
  spendType: 'capex',
  amount: '',
})

export const formOfLine = (l: BudgetLine): LineForm => ({
  name: l.name,
  category: l.category,
  spendType: l.spendType,
  amount: poundsText(l.amountPence),
})

export function lineProblems(form: LineForm): Partial<Record<LineField, string>> {
  const problems: Partial<Record<LineField, string>> = {}
  if (!form.name.trim()) problems.name = 'Name the line'
  const pence = parsePounds(form.amount)
  if (pence === null || pence < 0) problems.amount = 'Enter an amount in pounds, e.g. 12,500.00'
  return problems
}

export const toLineBody = (form: LineForm) => ({
  name: form.name.trim(),
  category: form.category,
  spendType: form.spendType,
  amountPence: parsePounds(form.amount) ?? 0,
})

/** A line's PATCH: only what changed. */
export function toLinePatch(form: LineForm, line: BudgetLine) {
  const next = toLineBody(form)
  return Object.fromEntries(
    (['name', 'category', 'spendType', 'amountPence'] as const)
      .filter((k) => next[k] !== line[k])
      .map((k) => [k, next[k]]),
  ) as Partial<ReturnType<typeof toLineBody>>
}

export const LINE_FIELD_OF: Record<string, LineField> = {
  name: 'name',
  category: 'category',
  spendType: 'spendType',
  amountPence: 'amount',
}
