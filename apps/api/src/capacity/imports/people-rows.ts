import { type BankHolidayRegion, DEFAULT_WORKING_DAYS } from '@opsdeck/contract'
import type { z } from 'zod'
import { parseDay } from '../../lib/csv/parse-date.ts'
import { type ColumnSpec, readCsv } from '../../lib/csv/read-csv.ts'
import type { Checked, RowResult } from '../../lib/csv/rows.ts'
import { NewPerson } from '../people/schemas.ts'
import {
  formatNumber,
  formatPounds,
  formatWorkingDays,
  parseHours,
  parsePounds,
  parseRegion,
  parseSkills,
  parseWorkingDays,
} from './cells.ts'

type PersonColumn =
  | 'name'
  | 'email'
  | 'team'
  | 'role'
  | 'contracted_hours'
  | 'working_days'
  | 'skills'
  | 'region'
  | 'start_date'
  | 'end_date'
  | 'cost_rate'

/** The people columns, as the export writes them; the aliases are also read. */
export const PERSON_COLUMNS: ColumnSpec<PersonColumn>[] = [
  { key: 'name', aliases: ['full name', 'person'], required: true },
  { key: 'email', aliases: ['email address', 'e-mail'], required: true },
  { key: 'team', aliases: ['team slug', 'team name'], required: true },
  { key: 'role', aliases: ['job title', 'title'], required: true },
  {
    key: 'contracted_hours',
    aliases: ['hours', 'contracted hours per week', 'hours per week', 'contracted'],
    required: true,
  },
  { key: 'working_days', aliases: ['working pattern', 'pattern', 'days'], required: false },
  { key: 'skills', aliases: ['tags'], required: false },
  { key: 'region', aliases: ['bank holiday region', 'bank holidays'], required: false },
  { key: 'start_date', aliases: ['start', 'started', 'start day'], required: false },
  { key: 'end_date', aliases: ['leave date', 'end', 'left', 'end day'], required: false },
  { key: 'cost_rate', aliases: ['cost rate per hour', 'hourly rate', 'rate'], required: false },
]

/** A row's values as the preview shows them: null where a cell is bad. */
export interface PersonValues {
  name: string
  /** In lower case, as people store it. */
  email: string
  /** The team's slug. */
  team: string | null
  role: string
  contractedHoursPerWeek: number | null
  workingDays: number[] | null
  skills: string[]
  /** Null: the organisation's region (or a bad cell, with its error). */
  region: BankHolidayRegion | null
  startDate: string | null
  endDate: string | null
  costRatePencePerHour: number | null
}

export type PersonRow = RowResult<PersonValues>

export interface Team {
  id: number
  slug: string
  name: string
}

/** A person already stored, as a re-imported row is compared with. */
export interface StoredPerson {
  id: number
  name: string
  email: string
  teamId: number
  role: string
  contractedHoursPerWeek: number
  workingDays: number[]
  skills: string[]
  bankHolidayRegion: string | null
  startDate: string | null
  endDate: string | null
  costRatePencePerHour: number
}

export interface PeopleLookup {
  teams: Team[]
  /** People by email in lower case, for the emails the file names. */
  people: Map<string, StoredPerson>
}

/** The emails a file names (lower case), to look them up before checking its rows. */
export function emailsIn(text: string) {
  const { rows } = readCsv(text, PERSON_COLUMNS)
  return [...new Set(rows.map((r) => r.cells.email.toLowerCase()).filter(Boolean))]
}

const fields = NewPerson.shape

/** The first problem a field's schema (POST /people's) finds with a value, or its output. */
function check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | { problem: string } {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const item = issue.path.length && Array.isArray(value) ? `${value[issue.path[0] as number]} ` : ''
  return { problem: `${item}${issue.message}` }
}
const bad = (v: unknown): v is { problem: string } =>
  typeof v === 'object' && v !== null && 'problem' in v

/** A team by its slug or name, in any case. */
export function findTeam(teams: Team[], cell: string): Team | undefined {
  const key = cell.trim().toLowerCase()
  return teams.find((t) => t.slug === key) ?? teams.find((t) => t.name.trim().toLowerCase() === key)
}

/**
 * Every row checked by POST /people's rules and against the lookup: `new` to be added, `duplicate`
 * when a person with the email is stored with the same values (a re-import), `error` otherwise.
 * A stored email with other values is an error naming them: the import adds people, it never
 * changes one.
 */
export function checkPeople(text: string, lookup: PeopleLookup): Checked<PersonValues> {
  const { rows, warnings, problems } = readCsv(text, PERSON_COLUMNS)
  const firstLine = new Map<string, number>()
  const checked = rows.map(({ line, cells, errors: read }): PersonRow => {
    const errors: PersonRow['errors'] = [...read]
    const fail = (column: PersonColumn, message: string) => {
      errors.push({ column, message })
      return null
    }
    const field = <S extends z.ZodType>(column: PersonColumn, schema: S, value: unknown) => {
      const out = check(schema, value)
      return bad(out) ? fail(column, out.problem) : out
    }

    const name = field('name', fields.name, cells.name)
    const email = cells.email
      ? field('email', fields.email, cells.email)
      : fail('email', 'is empty: give the person’s email, which a re-import is matched by')
    const team = cells.team ? findTeam(lookup.teams, cells.team) : undefined
    if (!cells.team) fail('team', 'is empty: give the team’s slug or name')
    else if (!team) fail('team', `${cells.team} is no team: give a team’s slug or name`)
    const role = field('role', fields.role, cells.role)
    const hours = cells.contracted_hours
      ? parseHours(cells.contracted_hours)
      : { ok: false as const, message: 'is empty: give the hours a week, e.g. 37.5' }
    const contractedHoursPerWeek = hours.ok
      ? field('contracted_hours', fields.contractedHoursPerWeek, hours.value)
      : fail('contracted_hours', hours.message)
    const pattern = cells.working_days
      ? parseWorkingDays(cells.working_days)
      : { ok: true as const, value: [...DEFAULT_WORKING_DAYS] }
    const workingDays = pattern.ok
      ? field('working_days', fields.workingDays, pattern.value)
      : fail('working_days', pattern.message)
    const skills = field('skills', fields.skills, parseSkills(cells.skills))
    const region = parseRegion(cells.region)
    const rate = cells.cost_rate ? parsePounds(cells.cost_rate) : { ok: true as const, value: 0 }
    const costRatePencePerHour = rate.ok
      ? field('cost_rate', fields.costRatePencePerHour, rate.value)
      : fail('cost_rate', rate.message)
    const day = (column: 'start_date' | 'end_date') => {
      if (!cells[column]) return null
      const parsed = parseDay(cells[column])
      return parsed.ok
        ? field(column, fields.startDate, parsed.value)
        : fail(column, parsed.message)
    }
    const startDate = day('start_date')
    const endDate = day('end_date')
    if (startDate && endDate && endDate < startDate) {
      fail('end_date', `${cells.end_date} is before start_date (${cells.start_date})`)
    }
    const values: PersonValues = {
      name: name ?? cells.name,
      email: email ?? cells.email,
      team: team?.slug ?? null,
      role: role ?? cells.role,
      contractedHoursPerWeek,
      workingDays,
      skills: skills ?? parseSkills(cells.skills),
      region: region.ok ? region.value : fail('region', region.message),
      startDate,
      endDate,
      costRatePencePerHour,
    }

    let status: PersonRow['status'] = 'new'
    if (email) {
      const first = firstLine.get(email)
      if (first !== undefined) fail('email', `${email} is already on line ${first}`)
      else firstLine.set(email, line)
      const stored = lookup.people.get(email)
      if (stored && errors.length === 0) {
        const differ = differences(stored, values, { team: team!, teams: lookup.teams })
        if (differ.length === 0) status = 'duplicate'
        else {
          fail(
            'email',
            `${email} is already ${stored.name}’s email, with another ${differ.join(', ')}: the import adds people and changes none (change ${stored.name} in opsdeck, or correct the row)`,
          )
        }
      }
    }
    return { line, status: errors.length ? 'error' : status, values, errors }
  })
  return { rows: checked, fileErrors: problems, warnings }
}

// Every value is compared: a re-import skips only what it would write.
function differences(
  stored: StoredPerson,
  row: PersonValues,
  { team, teams }: { team: Team; teams: Team[] },
): string[] {
  const list = (v: unknown[]) => v.join(';')
  const pairs: [string, unknown, unknown, string][] = [
    ['name', stored.name, row.name, stored.name],
    ['team', stored.teamId, team.id, teams.find((t) => t.id === stored.teamId)?.slug ?? '?'],
    ['role', stored.role, row.role, stored.role],
    [
      'contracted_hours',
      Number(stored.contractedHoursPerWeek),
      row.contractedHoursPerWeek,
      formatNumber(stored.contractedHoursPerWeek),
    ],
    [
      'working_days',
      list(stored.workingDays),
      list(row.workingDays ?? []),
      formatWorkingDays(stored.workingDays),
    ],
    ['skills', list(stored.skills), list(row.skills), list(stored.skills) || 'none'],
    [
      'region',
      stored.bankHolidayRegion,
      row.region,
      stored.bankHolidayRegion ?? 'the organisation’s',
    ],
    ['start_date', stored.startDate, row.startDate, stored.startDate ?? 'none'],
    ['end_date', stored.endDate, row.endDate, stored.endDate ?? 'none'],
    [
      'cost_rate',
      stored.costRatePencePerHour,
      row.costRatePencePerHour,
      formatPounds(stored.costRatePencePerHour),
    ],
  ]
  return pairs.filter(([, a, b]) => a !== b).map(([name, , , shown]) => `${name} (${shown})`)
}

/** The fields of a new person as POST /people stores them, from a row without errors. */
export const personFields = (v: PersonValues, team: Team) => ({
  name: v.name,
  email: v.email,
  teamId: team.id,
  role: v.role,
  contractedHoursPerWeek: v.contractedHoursPerWeek!,
  workingDays: v.workingDays!,
  skills: v.skills,
  bankHolidayRegion: v.region,
  startDate: v.startDate,
  endDate: v.endDate,
  costRatePencePerHour: v.costRatePencePerHour!,
})
