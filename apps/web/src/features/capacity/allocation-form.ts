import {
  type AllocationKind,
  type AllocationStatus,
  CAPACITY_NOTE_MAX_LENGTH,
  MAX_ALLOCATION_HOURS,
  MAX_ALLOCATION_PERCENT,
} from '@opsdeck/contract'
import { isDay } from '../../lib/range.ts'
import { parseHours } from './person-form.ts'
import type { Allocation } from './person-queries.ts'

// The allocation editor's form: a kind (and a project for kind project), days, hours a week or a
// percent of the contract, confirmed or tentative, a note. The person is fixed by the page.

export interface AllocationForm {
  kind: AllocationKind
  projectCode: string
  firstDay: string
  lastDay: string
  unit: 'hours' | 'percent'
  amount: string
  status: AllocationStatus
  note: string
}
export type AllocationField = keyof AllocationForm

export const emptyAllocationForm = (today: string): AllocationForm => ({
  kind: 'project',
  projectCode: '',
  firstDay: today,
  lastDay: '',
  unit: 'hours',
  amount: '',
  status: 'confirmed',
  note: '',
})

export const allocationFormOf = (a: Allocation): AllocationForm => ({
  kind: a.kind,
  projectCode: a.project?.code ?? '',
  firstDay: a.firstDay,
  lastDay: a.lastDay,
  unit: a.hoursPerWeek === null ? 'percent' : 'hours',
  amount: String(a.hoursPerWeek ?? a.percent ?? ''),
  status: a.status,
  note: a.note,
})

const amountOf = (f: AllocationForm) =>
  parseHours(f.amount, f.unit === 'hours' ? MAX_ALLOCATION_HOURS : MAX_ALLOCATION_PERCENT, false)

export function allocationProblems(f: AllocationForm): Partial<Record<AllocationField, string>> {
  const problems: Partial<Record<AllocationField, string>> = {}
  if (f.kind === 'project' && !f.projectCode) problems.projectCode = 'Choose the project'
  if (!isDay(f.firstDay)) problems.firstDay = 'Enter the first day'
  if (!isDay(f.lastDay)) problems.lastDay = 'Enter the last day'
  else if (isDay(f.firstDay) && f.lastDay < f.firstDay)
    problems.lastDay = 'Must be on or after the first day'
  if (amountOf(f) === null)
    problems.amount =
      f.unit === 'hours'
        ? `Enter hours a week, more than 0 and at most ${MAX_ALLOCATION_HOURS}, two decimals at most`
        : `Enter a percent of the contract, more than 0 and at most ${MAX_ALLOCATION_PERCENT}`
  if (f.note.length > CAPACITY_NOTE_MAX_LENGTH)
    problems.note = `At most ${CAPACITY_NOTE_MAX_LENGTH} characters`
  return problems
}

/** POST /allocations's body for the person. */
export function toNewAllocation(f: AllocationForm, personId: number) {
  const amount = amountOf(f) ?? 0
  return {
    personId,
    kind: f.kind,
    projectCode: f.kind === 'project' ? f.projectCode : null,
    firstDay: f.firstDay,
    lastDay: f.lastDay,
    hoursPerWeek: f.unit === 'hours' ? amount : null,
    percent: f.unit === 'percent' ? amount : null,
    status: f.status,
    note: f.note.trim(),
  }
}

/** PATCH /allocations/:id's body: only what changed (hours clear the percent and back). */
export function toAllocationPatch(f: AllocationForm, a: Allocation) {
  const patch: {
    kind?: AllocationKind
    projectCode?: string | null
    firstDay?: string
    lastDay?: string
    hoursPerWeek?: number
    percent?: number
    status?: AllocationStatus
    note?: string
  } = {}
  if (f.kind !== a.kind) patch.kind = f.kind
  const code = f.kind === 'project' ? f.projectCode : null
  if (f.kind === 'project' && code !== (a.project?.code ?? null)) patch.projectCode = code
  if (f.firstDay !== a.firstDay) patch.firstDay = f.firstDay
  if (f.lastDay !== a.lastDay) patch.lastDay = f.lastDay
  const amount = amountOf(f)
  if (amount !== null) {
    if (f.unit === 'hours' && amount !== a.hoursPerWeek) patch.hoursPerWeek = amount
    if (f.unit === 'percent' && amount !== a.percent) patch.percent = amount
  }
  if (f.status !== a.status) patch.status = f.status
  if (f.note.trim() !== a.note) patch.note = f.note.trim()
  return patch
}

export const ALLOCATION_FIELD_OF: Record<string, AllocationField> = {
  kind: 'kind',
  projectCode: 'projectCode',
  firstDay: 'firstDay',
  lastDay: 'lastDay',
  hoursPerWeek: 'amount',
  percent: 'amount',
  status: 'status',
  note: 'note',
}

/** POST /allocations/preview's body for the form, or null while it has problems or no change. */
export function previewBody(f: AllocationForm, personId: number, a?: Allocation) {
  if (Object.keys(allocationProblems(f)).length > 0) return null
  if (!a) return toNewAllocation(f, personId)
  const patch = toAllocationPatch(f, a)
  return Object.keys(patch).length > 0 ? { id: a.id, patch } : null
}

/** What an allocation books: `20 h a week` or `50% (18.75 h a week)`. */
export function bookingLabel(a: Pick<Allocation, 'hoursPerWeek' | 'percent' | 'weeklyHours'>) {
  const h = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 })
  if (a.hoursPerWeek !== null) return `${h(a.hoursPerWeek)} h a week`
  return `${h(a.percent ?? 0)}% (${h(a.weeklyHours)} h a week)`
}
