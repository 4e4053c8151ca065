import {
  BANK_HOLIDAY_REGIONS,
  MAX_CONTRACTED_HOURS,
  MAX_SKILLS,
  MAX_YEAR,
  MIN_YEAR,
  PERSON_NAME_MAX_LENGTH,
  PERSON_ROLE_MAX_LENGTH,
  SKILL_MAX_LENGTH,
  SLUG_PATTERN,
} from '@opsdeck/contract'
import { z } from 'zod'
import { IsoInstant } from '../../lib/openapi.ts'
import { IdParam } from '../../lib/params.ts'
import { name, text } from '../../lib/text.ts'

// People as capacity plans them: role, skills, contract, working pattern, cost, dates, region and
// team. Hours are numeric(5, 2), money integer pence, days 'YYYY-MM-DD'.

/** The most people GET /people answers with: a picker's worth; `truncated` says more matched. */
export const MAX_PEOPLE = 500

/** A calendar day, a real one (2026-02-31 is refused). */
const Day = z.iso
  .date('must be a day (2026-10-31)')
  .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR, `must be in ${MIN_YEAR} or later`)
  .refine((s) => Number(s.slice(0, 4)) <= MAX_YEAR, `must be in ${MAX_YEAR} or earlier`)

const Email = z
  .email('must be an email address')
  .max(254, 'must be at most 254 characters')
  .transform((e) => e.toLowerCase())

const Skill = name(SKILL_MAX_LENGTH)
/** Tags, trimmed; a second spelling of one already given (any case) is dropped, the first kept. */
const Skills = z
  .array(Skill)
  .transform((skills) => {
    const seen = new Set<string>()
    return skills.filter((s) => {
      const key = s.toLowerCase()
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  })
  .pipe(z.array(z.string()).max(MAX_SKILLS, `must be at most ${MAX_SKILLS} skills`))

const Hours = z
  .number()
  .min(0, 'must be 0 or more')
  .max(MAX_CONTRACTED_HOURS, `must be at most ${MAX_CONTRACTED_HOURS}`)
  // numeric(5, 2): 37.5 and 22.25, not 22.125. Compared in hundredths, as 0.1 + 0.2 is no float.
  .refine((h) => Math.abs(h * 100 - Math.round(h * 100)) < 1e-6, 'must have at most 2 decimals')

/** ISO weekdays worked, Monday 1 … Sunday 7, each once; stored in order. */
const WorkingDays = z
  .array(
    z
      .number()
      .int('must be an ISO weekday (1–7)')
      .min(1, 'must be 1 to 7')
      .max(7, 'must be 1 to 7'),
  )
  .min(1, 'must have at least one day')
  .max(7, 'must have at most 7 days')
  .refine((days) => new Set(days).size === days.length, 'must not repeat a day')
  .transform((days) => [...days].sort((a, b) => a - b))

const CostRate = z
  .number()
  .int('must be whole pence')
  .min(0, 'must be 0 or more')
  .max(Number.MAX_SAFE_INTEGER, 'is too large')

const Fields = {
  name: name(PERSON_NAME_MAX_LENGTH),
  /** Unique among people, stored in lower case; null for none. */
  email: Email.nullable(),
  role: name(PERSON_ROLE_MAX_LENGTH),
  skills: Skills,
  contractedHoursPerWeek: Hours,
  workingDays: WorkingDays,
  costRatePencePerHour: CostRate,
  startDate: Day.nullable(),
  /** The leave date: the last day worked. */
  endDate: Day.nullable(),
  /** Null: the organisation's region. */
  bankHolidayRegion: z.enum(BANK_HOLIDAY_REGIONS).nullable(),
}

const endNotBeforeStart = { path: ['endDate'], message: 'must be on or after startDate' }
const datesInOrder = (p: { startDate?: string | null; endDate?: string | null }) =>
  !p.startDate || !p.endDate || p.endDate >= p.startDate

const TeamId = z.number().int('must be a team’s id').min(1, 'must be a team’s id')

export const NewPerson = z
  .strictObject({
    name: Fields.name,
    email: Fields.email.default(null),
    role: Fields.role,
    skills: Fields.skills.default([]),
    contractedHoursPerWeek: Fields.contractedHoursPerWeek,
    workingDays: Fields.workingDays.default([1, 2, 3, 4, 5]),
    costRatePencePerHour: Fields.costRatePencePerHour.default(0),
    startDate: Fields.startDate.default(null),
    endDate: Fields.endDate.default(null),
    bankHolidayRegion: Fields.bankHolidayRegion.default(null),
    teamId: TeamId,
  })
  .refine(datesInOrder, endNotBeforeStart)
export type NewPerson = z.output<typeof NewPerson>

/** Any field but the team, which changes by a move (POST /people/:id/moves) from a day. */
export const PersonPatch = z
  .strictObject({
    name: Fields.name.optional(),
    email: Fields.email.optional(),
    role: Fields.role.optional(),
    skills: Fields.skills.optional(),
    contractedHoursPerWeek: Fields.contractedHoursPerWeek.optional(),
    workingDays: Fields.workingDays.optional(),
    costRatePencePerHour: Fields.costRatePencePerHour.optional(),
    startDate: Fields.startDate.optional(),
    endDate: Fields.endDate.optional(),
    bankHolidayRegion: Fields.bankHolidayRegion.optional(),
  })
  .refine(datesInOrder, endNotBeforeStart)
export type PersonPatch = z.output<typeof PersonPatch>

/** A team move: into `teamId` from the day `from` (the old team keeps the days before). */
export const NewMove = z.strictObject({ teamId: TeamId, from: Day })
export type NewMove = z.output<typeof NewMove>

export const PersonParam = IdParam

const Bool = z.enum(['true', 'false']).transform((v) => v === 'true')

export const PeopleQuery = z.object({
  /** Part of the name, any case; surrounding spaces are ignored, and an empty one filters nothing. */
  q: text().trim().max(100, 'must be at most 100 characters').optional(),
  /** The team's slug. */
  team: z.string().regex(SLUG_PATTERN, 'must be a team slug').optional(),
  /** The role, exactly but in any case. */
  role: text().trim().max(PERSON_ROLE_MAX_LENGTH).optional(),
  /** One of the person's skills, exactly but in any case. */
  skill: text().trim().max(SKILL_MAX_LENGTH).optional(),
  /** Also people who have left or not yet started. */
  includeLeft: Bool.optional(),
})
export type PeopleQuery = z.output<typeof PeopleQuery>

// Answers.

const TeamRef = z.strictObject({ id: z.number().int(), slug: z.string(), name: z.string() })

const PersonFields = {
  id: z.number().int(),
  name: z.string(),
  email: z.string().nullable(),
  // people.team_id is NOT NULL: everyone has a team, the current one.
  team: TeamRef,
  role: z.string(),
  skills: z.array(z.string()),
  contractedHoursPerWeek: z.number(),
  workingDays: z.array(z.number().int()),
  costRatePencePerHour: z.number().int(),
  startDate: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  /** The person's own region; null for the organisation's. */
  bankHolidayRegion: z.enum(BANK_HOLIDAY_REGIONS).nullable(),
}

export const Person = z.strictObject(PersonFields)
export type Person = z.output<typeof Person>

export const PeopleList = z.strictObject({
  /** By name. */
  people: z.array(Person),
  /** More people matched than the MAX_PEOPLE listed. */
  truncated: z.boolean(),
})

export const Membership = z.strictObject({
  team: TeamRef,
  firstDay: z.iso.date(),
  /** Null for the current team. */
  lastDay: z.iso.date().nullable(),
})

export const PersonRecord = z.strictObject({
  ...PersonFields,
  /** The region whose bank holidays the person has: their own or the organisation's. */
  region: z.strictObject({
    code: z.enum(BANK_HOLIDAY_REGIONS),
    source: z.enum(['person', 'organisation']),
  }),
  /** The teams they have been in, newest first. */
  memberships: z.array(Membership),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
})
export type PersonRecord = z.output<typeof PersonRecord>
