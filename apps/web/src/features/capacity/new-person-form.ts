import {
  BANK_HOLIDAY_REGIONS,
  type BankHolidayRegion,
  DEFAULT_WORKING_DAYS,
  MAX_CONTRACTED_HOURS,
  PERSON_NAME_MAX_LENGTH,
} from '@opsdeck/contract'
import { isDay } from '../../lib/range.ts'
import type { NewPerson } from './organisation-writes.ts'
import { parseHours, skillsOf } from './person-form.ts'

// The Add person form: what is typed, its problems, and POST /people's body.

export interface NewPersonForm {
  name: string
  email: string
  /** The team's id as the select holds it; '' for none chosen. */
  teamId: string
  role: string
  hours: string
  /** ISO weekdays ticked. */
  days: number[]
  /** '' for the organisation's. */
  region: '' | BankHolidayRegion
  startDate: string
  /** Pounds an hour as typed ("62.50"); '' for none. */
  costRate: string
  /** Comma-separated tags. */
  skills: string
}
export type NewPersonField = keyof NewPersonForm
type Problems = Partial<Record<NewPersonField, string>>

export const emptyNewPerson = (today: string, teamId = ''): NewPersonForm => ({
  name: '',
  email: '',
  teamId,
  role: '',
  hours: '37.5',
  days: [...DEFAULT_WORKING_DAYS],
  region: '',
  startDate: today,
  costRate: '',
  skills: '',
})

/** "62.5" or "£62.50" an hour to whole pence; null when it is not an amount of money. */
export function parseCostRate(text: string): number | null {
  const s = text.trim().replace(/^£\s*/, '')
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(s)) return null
  const [whole, fraction = ''] = s.split('.') as [string, string?]
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}

/** What the form can tell before asking: the API checks the rest (an email's shape, a taken one). */
export function newPersonProblems(form: NewPersonForm): Problems {
  const problems: Problems = {}
  if (!form.name.trim()) problems.name = 'Enter their name'
  else if (form.name.trim().length > PERSON_NAME_MAX_LENGTH)
    problems.name = `At most ${PERSON_NAME_MAX_LENGTH} characters`
  if (!form.teamId) problems.teamId = 'Choose their team'
  if (!form.role.trim()) problems.role = 'Enter their role'
  if (parseHours(form.hours, MAX_CONTRACTED_HOURS, true) === null)
    problems.hours = `Enter hours from 0 to ${MAX_CONTRACTED_HOURS}, at most two decimals`
  if (form.days.length === 0) problems.days = 'Tick at least one working day'
  if (form.startDate && !isDay(form.startDate))
    problems.startDate = 'Enter a day, or leave it empty'
  if (form.costRate.trim() && parseCostRate(form.costRate) === null)
    problems.costRate = 'Enter an amount an hour, e.g. 62.50'
  if (form.region && !BANK_HOLIDAY_REGIONS.includes(form.region))
    problems.region = 'Choose a region'
  return problems
}

/** POST /people's body; call after `newPersonProblems` found none. */
export const toNewPerson = (form: NewPersonForm): NewPerson => ({
  name: form.name.trim(),
  email: form.email.trim() || null,
  teamId: Number(form.teamId),
  role: form.role.trim(),
  skills: skillsOf(form.skills),
  contractedHoursPerWeek: parseHours(form.hours, MAX_CONTRACTED_HOURS, true) ?? 0,
  workingDays: [...form.days].sort((a, b) => a - b),
  costRatePencePerHour: parseCostRate(form.costRate) ?? 0,
  startDate: form.startDate || null,
  bankHolidayRegion: form.region || null,
})

const FIELD_OF: Record<string, NewPersonField> = {
  name: 'name',
  email: 'email',
  teamId: 'teamId',
  role: 'role',
  skills: 'skills',
  contractedHoursPerWeek: 'hours',
  workingDays: 'days',
  bankHolidayRegion: 'region',
  startDate: 'startDate',
  costRatePencePerHour: 'costRate',
}

/** The field an API detail belongs to: `workingDays.2` and `skills.0` under their list. */
export const newPersonFieldOf = (key: string): NewPersonField | null =>
  FIELD_OF[key.split('.')[0] ?? ''] ?? null
