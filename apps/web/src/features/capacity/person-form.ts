import {
  BANK_HOLIDAY_REGIONS,
  type BankHolidayRegion,
  MAX_CONTRACTED_HOURS,
  MAX_SKILLS,
  SKILL_MAX_LENGTH,
} from '@opsdeck/contract'
import { isDay } from '../../lib/range.ts'
import type { PersonRecord } from './person-queries.ts'

// The person's edit form and their team move: what is typed, its problems, and the bodies sent.

export interface PersonForm {
  role: string
  /** Comma-separated tags. */
  skills: string
  hours: string
  /** ISO weekdays ticked. */
  days: number[]
  /** '' for the organisation's. */
  region: '' | BankHolidayRegion
  /** The leave date; '' for none. */
  endDate: string
}
export type PersonField = keyof PersonForm
type Problems<F extends string> = Partial<Record<F, string>>

export const personFormOf = (p: PersonRecord): PersonForm => ({
  role: p.role,
  skills: p.skills.join(', '),
  hours: String(p.contractedHoursPerWeek),
  days: [...p.workingDays],
  region: p.bankHolidayRegion ?? '',
  endDate: p.endDate ?? '',
})

export const skillsOf = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

/** Hours as typed ("22.5"); null unless 0 to the most, two decimals at most. */
export function parseHours(text: string, max: number, allowZero: boolean): number | null {
  const s = text.trim()
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null
  const n = Number(s)
  return n <= max && (allowZero || n > 0) ? n : null
}

export function personProblems(form: PersonForm, p: PersonRecord): Problems<PersonField> {
  const problems: Problems<PersonField> = {}
  if (!form.role.trim()) problems.role = 'Enter the role'
  const skills = skillsOf(form.skills)
  if (skills.length > MAX_SKILLS) problems.skills = `At most ${MAX_SKILLS} skills`
  else if (skills.some((s) => s.length > SKILL_MAX_LENGTH))
    problems.skills = `Each skill at most ${SKILL_MAX_LENGTH} characters`
  if (parseHours(form.hours, MAX_CONTRACTED_HOURS, true) === null)
    problems.hours = `Enter hours from 0 to ${MAX_CONTRACTED_HOURS}, at most two decimals`
  if (form.days.length === 0) problems.days = 'Tick at least one working day'
  if (form.endDate && !isDay(form.endDate)) problems.endDate = 'Enter a day, or leave it empty'
  else if (form.endDate && p.startDate && form.endDate < p.startDate)
    problems.endDate = `Must be on or after their start date (${p.startDate})`
  if (form.region && !BANK_HOLIDAY_REGIONS.includes(form.region))
    problems.region = 'Choose a region'
  return problems
}

/** PATCH /people/:id's body: only the fields that changed. */
export function toPersonPatch(form: PersonForm, p: PersonRecord) {
  const patch: {
    role?: string
    skills?: string[]
    contractedHoursPerWeek?: number
    workingDays?: number[]
    bankHolidayRegion?: BankHolidayRegion | null
    endDate?: string | null
  } = {}
  const role = form.role.trim()
  if (role !== p.role) patch.role = role
  const skills = skillsOf(form.skills)
  if (skills.join('\n') !== p.skills.join('\n')) patch.skills = skills
  const hours = parseHours(form.hours, MAX_CONTRACTED_HOURS, true)
  if (hours !== null && hours !== p.contractedHoursPerWeek) patch.contractedHoursPerWeek = hours
  const days = [...form.days].sort((a, b) => a - b)
  if (days.join() !== [...p.workingDays].sort((a, b) => a - b).join()) patch.workingDays = days
  const region = form.region || null
  if (region !== p.bankHolidayRegion) patch.bankHolidayRegion = region
  const endDate = form.endDate || null
  if (endDate !== p.endDate) patch.endDate = endDate
  return patch
}

export const PERSON_FIELD_OF: Record<string, PersonField> = {
  role: 'role',
  skills: 'skills',
  contractedHoursPerWeek: 'hours',
  workingDays: 'days',
  bankHolidayRegion: 'region',
  endDate: 'endDate',
}

export interface MoveForm {
  teamId: string
  from: string
}
export type MoveField = keyof MoveForm

export function moveProblems(form: MoveForm, p: PersonRecord): Problems<MoveField> {
  const problems: Problems<MoveField> = {}
  if (!form.teamId) problems.teamId = 'Choose the team they move to'
  else if (Number(form.teamId) === p.team.id) problems.teamId = `They are in ${p.team.name} already`
  if (!isDay(form.from)) problems.from = 'Enter the first day in the new team'
  return problems
}

export const toMoveBody = (form: MoveForm) => ({ teamId: Number(form.teamId), from: form.from })

export const MOVE_FIELD_OF: Record<string, MoveField> = { teamId: 'teamId', from: 'from' }
